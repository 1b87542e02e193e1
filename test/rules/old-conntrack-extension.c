/*
 * An xtables library for the conntrack match that knows revision 1 only, as the iptables of an
 * old container image does: iptables 1.8.9 writes revision 3, and a save tool that loads this
 * library first (XTABLES_LIBDIR) has no code for it. Written for dump-rules-netfilter.test.ts.
 */
#include <stdio.h>
#include <xtables.h>

static void save(const void *ip, const struct xt_entry_match *match)
{
	printf(" --old-layout");
}

static struct xtables_match old_conntrack = {
	.version = XTABLES_VERSION,
	.name = "conntrack",
	.revision = 1,
	.family = NFPROTO_UNSPEC,
	.size = XT_ALIGN(160),
	.userspacesize = XT_ALIGN(160),
	.save = save,
};

__attribute__((constructor)) static void init(void)
{
	xtables_register_match(&old_conntrack);
}
