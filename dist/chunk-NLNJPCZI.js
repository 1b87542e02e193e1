import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  errorCount,
  fixFound,
  lintAndFix,
  lintDocument,
  lintText,
  regionCommands,
  resolveSettings,
  rulesetSize
} from "./chunk-IO3WV2GE.js";
import {
  ConfigError,
  NO_CONFIG,
  UnreadableInput,
  UnwritableFile,
  UsageError,
  useColor
} from "./chunk-AGWTKRTO.js";
import {
  BUILTIN_FINDINGS,
  NodeInfo,
  NodeInputError,
  PACKET_ASSERTION,
  PACKET_ASSERTION_FINDING,
  PacketSyntaxError,
  SUPPRESSION_FINDINGS,
  SYNTAX,
  SYNTAX_FINDING,
  TraceError,
  allRules,
  appendsOnly,
  chainsNamed,
  declaredName,
  detachedDocument,
  familyOfName,
  formatAddress,
  isBuiltinChain,
  lazyModule,
  modelOf,
  nearest,
  parse,
  parseAddress,
  parsePacket,
  print,
  tracePacket
} from "./chunk-4QJSDM7H.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-ZRTPLJCV.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code2, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code2;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command2) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command2))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor2() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor2() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command2 = this; command2; command2 = command2.parent) {
          result.push(command2);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code2, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code2, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command2) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command2).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command2).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command2);
        this.commands.push(command2);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code2) => {
          code2 = code2 ?? 1;
          if (!exitCallback) {
            process2.exit(code2);
          } else {
            exitCallback(
              new CommanderError2(
                code2,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code2 = config.code || "commander.error";
        this._exit(exitCode, code2, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command2 = this;
          do {
            const moreFlags = command2.createHelp().visibleOptions(command2).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command2 = command2.parent;
          } while (command2 && !command2._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected2 = this.registeredArguments.length;
        const s = expected2 === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected2} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames2 = [];
          this.createHelp().visibleCommands(this).forEach((command2) => {
            candidateNames2.push(command2.name());
            if (command2.alias()) candidateNames2.push(command2.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames2);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command2 = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command2 = this.commands[this.commands.length - 1];
        }
        if (alias === command2._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command2._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command2) => command2.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command2) => command2.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor2() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor2;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/rule-docs.ts
import { join as join2 } from "node:path";

// src/cli/package-info.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findPackageRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`iptlint: no package.json above ${from}`);
  }
}
var packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
var { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"));

// src/cli/rule-docs.ts
async function readRuleReadme(io, ruleId) {
  return (await io.readFile(join2(packageRoot, "rules", ruleId, "README.md"))).toString("utf8");
}
async function readRuleReadmes(io, ruleIds) {
  return new Map(await Promise.all(ruleIds.map(async (id) => [id, await readRuleReadme(io, id)])));
}

// src/cli/commands/rules.ts
function registerRules(program2, io, _state) {
  program2.command("rules").description("list the rules: id, default severity, whether it fixes, what it finds").option("-f, --format <format>", "text or json", "text").action((options) => {
    const rows = [
      ...allRules.map((r) => ({ id: r.id, severity: r.severity, fixable: r.fixable, description: r.description })),
      ...BUILTIN_FINDINGS.map((f) => ({ id: f.id, severity: f.severity, fixable: false, description: f.description }))
    ];
    if (options.format === "json") {
      io.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      return;
    }
    if (options.format !== "text") throw new UsageError(`rules: unknown format \`${options.format}\`: use text or json`);
    const idWidth = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows) {
      const fixable = r.fixable ? `fixable (${r.fixable})` : "not fixable";
      io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${fixable.padEnd(16)}  ${r.description}
`);
    }
  });
}
function registerExplain(program2, io, _state) {
  program2.command("explain").description("print a rule's documentation: what it does, why it matters, an example, the fix").argument("<rule>", "a rule id, as `iptlint rules` lists them").action(async (id) => {
    const builtin = BUILTIN_FINDINGS.find((f) => f.id === id);
    if (builtin) {
      io.stdout.write(`# ${builtin.id}

Default severity: ${builtin.severity}. Reported by iptlint itself, not by a rule.

${builtin.description}.
`);
      return;
    }
    const rule = allRules.find((r) => r.id === id);
    if (!rule) {
      const guess = nearest(id, [...allRules, ...BUILTIN_FINDINGS].map((r) => r.id));
      throw new UsageError(`explain: unknown rule \`${id}\`${guess ? `: did you mean \`${guess}\`?` : ""} (see \`iptlint rules\`)`);
    }
    io.stdout.write(await readRuleReadme(io, rule.id));
  });
}

// src/fix/emit.ts
var diffModule = lazyModule("diff");
var CONTEXT = 3;
function unifiedDiff(original, result, name) {
  const edits = result.edits;
  if (edits.length === 0) return "";
  const text = original.text;
  const lines = new LineTable(original);
  const windows = [];
  for (const edit of edits) {
    const first = Math.max(0, lines.lineOf(edit.start) - CONTEXT);
    const lastTouched = edit.end > edit.start ? lines.lineOf(edit.end - 1) : lines.lineOf(edit.start);
    const last = Math.min(lines.count - 1, lastTouched + CONTEXT);
    const previous = windows[windows.length - 1];
    if (previous && first <= previous.last + 1) {
      previous.last = Math.max(previous.last, last);
      previous.edits.push(edit);
    } else {
      windows.push({ first, last, edits: [edit] });
    }
  }
  const hunks = [];
  let shift = 0;
  for (const window of windows) {
    const start = lines.start(window.first);
    const end = lines.start(window.last + 1);
    const before = text.slice(start, end);
    let after = "";
    let at = start;
    for (const edit of window.edits) {
      after += text.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    after += text.slice(at, end);
    const patch = diffModule().structuredPatch("a", "b", before, after, void 0, void 0, { context: CONTEXT });
    for (const hunk of patch.hunks) {
      hunks.push({ ...hunk, oldStart: hunk.oldStart + window.first, newStart: hunk.newStart + window.first + shift });
    }
    shift += countLines(after) - countLines(before);
  }
  const path = name.replace(/^\/+/, "");
  return diffModule().formatPatch({ oldFileName: `a/${path}`, newFileName: `b/${path}`, oldHeader: void 0, newHeader: void 0, hunks });
}
function restoreText(result) {
  return result.output;
}
function livePatch(original, result, options = {}) {
  const fixed = fixedChainsReader(original, result);
  const touched = touchedChains(original, result, fixed);
  const restore = options.restoreCommand ?? "iptables-restore";
  if (touched.size === 0) {
    if (result.applied.length === 0) return "";
    return "# Generated by iptlint: nothing to apply to a live node. The fixes leave every chain's rules as they\n# were (they change declarations, policies or line ends only).\n";
  }
  const out = [
    `# Generated by iptlint: apply with \`${restore} --noflush < THIS-FILE\` on the node.`,
    "# Each chain below is flushed and rewritten with all its rules; no other chain is touched."
  ];
  if ([...touched.values()].some((chains) => [...chains.keys()].some((name) => name.startsWith("KUBE-")))) {
    out.push(
      "# kube-proxy rewrites its chains on its next sync: on a node running an affected kube-proxy this is",
      "# a stopgap, and the lasting fix is upgrading kube-proxy (or the kernel)."
    );
  }
  for (const [tableName, chains] of touched) {
    const table = tableName ?? "filter";
    out.push(`*${table}`);
    const rules = [];
    for (const [name, chain] of chains) {
      out.push(isBuiltinChain(table, name) ? `-F ${name}` : `:${name} - [0:0]`);
      for (const line of chain.rules) rules.push(ruleText(line));
    }
    out.push(...rules, "COMMIT");
  }
  return out.join("\n") + "\n";
}
function fixedChainsReader(original, result) {
  const regions = result.regions;
  const fromDocument = (tableName, names) => {
    const table = result.document.tables.find((t) => t.name === tableName);
    return table ? chainsNamed(result.document, table, names) : /* @__PURE__ */ new Map();
  };
  if (regions === void 0 || regions.some((r) => regionCommands(r).some((c) => c.command !== "append" && c.command !== "new-chain"))) return fromDocument;
  const { lineStarts } = original.source.lexed;
  const shifts = regions.map((r) => ({ last: r.oldLast, growth: r.newEnd - r.newStart - (lineStarts[r.oldLast + 1] - lineStarts[r.oldFirst]) }));
  const newOffset = (line) => {
    let offset = lineStarts[line];
    for (const s of shifts) if (s.last < line) offset += s.growth;
    return offset;
  };
  const rewritten2 = (line) => regions.some((r) => r.oldFirst <= line && line <= r.oldLast);
  return (tableName, names) => {
    const table = original.tables.find((t) => t.name === tableName);
    if (table === void 0 || !appendsOnly(table)) return fromDocument(tableName, names);
    const old = chainsNamed(original, table, names);
    const chains = /* @__PURE__ */ new Map();
    for (const name of names) {
      const placed = [];
      let declaration = null;
      const before = old.get(name);
      for (const line of before?.rules ?? []) if (!rewritten2(line.index)) placed.push({ at: newOffset(line.index), line });
      if (before?.declaration && !rewritten2(before.declaration.index)) declaration = before.declaration;
      for (const region2 of regions.filter((r) => r.table === table)) {
        const base = region2.newStart - (region2.lines.tables[0]?.header ? region2.lines.source.lexed.lineStarts[1] : 0);
        for (const line of regionCommands(region2)) {
          if (line.chain !== name) continue;
          if (line.command === "append") placed.push({ at: base + line.range.start, line });
          else declaration ??= line;
        }
        declaration ??= region2.lines.tables.flatMap((t) => t.chains).find((d) => d.name === name) ?? null;
      }
      if (placed.length === 0 && declaration === null) continue;
      chains.set(name, { name, declaration, rules: placed.sort((a, b) => a.at - b.at).map((p) => p.line) });
    }
    return chains;
  };
}
function touchedChains(original, result, fixed) {
  const touched = /* @__PURE__ */ new Map();
  const names = candidateNames(original, result);
  const tables = result.regions ? original.tables : result.document.tables;
  for (const { name: tableName } of tables) {
    const old = original.tables.find((t) => t.name === tableName);
    const oldChains = old ? chainsNamed(original, old, names) : /* @__PURE__ */ new Map();
    const redeclarations = old ? modelOf(original).tableOf(old)?.redeclarations ?? [] : [];
    const redeclared = new Set(redeclarations.map((r) => declaredName(r.line)));
    for (const [name, chain] of fixed(tableName, names)) {
      const was = oldChains.get(name);
      if (was === void 0 || redeclared.has(name) || rulesText(was) !== rulesText(chain)) {
        if (!touched.has(tableName)) touched.set(tableName, /* @__PURE__ */ new Map());
        touched.get(tableName).set(name, chain);
      }
    }
  }
  return touched;
}
function candidateNames(original, result) {
  const names = /* @__PURE__ */ new Set();
  for (const edit of result.edits) {
    const index = original.source.positionAt(edit.start).line - 1;
    const line = index < original.source.lexed.lineCount ? original.line(index) : void 0;
    if (line?.kind === "command" && line.chain !== null) names.add(line.chain);
    else if (line?.kind === "chain") names.add(line.name);
    for (const match of edit.text.matchAll(/(?:^|\s)-[AIRD]\s+(\S+)/g)) names.add(match[1]);
  }
  return names;
}
var rulesText = (chain) => chain.rules.map(ruleText).join("\n");
function ruleText(line) {
  const counters = line.plan.counters;
  const text = line.eol === "\r\n" ? `${line.text}\r` : line.text;
  return counters === -1 ? text : text.slice(line.words.word(counters + 1).range.start - line.range.start);
}
var LineTable = class {
  constructor(document) {
    this.document = document;
  }
  get count() {
    return this.document.source.lexed.lineCount;
  }
  lineOf(offset) {
    return Math.min(this.document.source.positionAt(offset).line - 1, this.count - 1);
  }
  start(line) {
    const { lineStarts, lineCount } = this.document.source.lexed;
    return line >= lineCount ? this.document.text.length : lineStarts[line];
  }
};
function countLines(text) {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return text.length > 0 && !text.endsWith("\n") ? count + 1 : count;
}

// src/format/shared.ts
import { relative, resolve, sep } from "node:path";
var UNNAMED = "<text>";
var REPOSITORY_URL = "https://github.com/iptlint/iptlint";
var displayPath = (result) => result.filePath ?? UNNAMED;
function relativePath(result, cwd) {
  const path = relative(cwd, resolve(cwd, displayPath(result)));
  return sep === "/" ? path : path.split(sep).join("/");
}
var pathToUriReference = (path) => path.split("/").map(encodeURIComponent).join("/");
var SYNTAX_RULE = SYNTAX_FINDING;
var NOT_IN_RULES = new Set(BUILTIN_FINDINGS.map((r) => r.id));
var describedRules = (rules) => [SYNTAX_RULE, ...rules];
var describeRule = (ruleId, severity) => [...SUPPRESSION_FINDINGS, PACKET_ASSERTION_FINDING].find((r) => r.id === ruleId) ?? { id: ruleId, description: `iptlint rule ${ruleId}`, severity };
function ruleDocsUrl(ruleId) {
  if (ruleId === SYNTAX) return `${REPOSITORY_URL}/blob/main/README.md#rules`;
  if (ruleId === PACKET_ASSERTION) return `${REPOSITORY_URL}/blob/main/README.md#testing-packets-in-ci`;
  if (NOT_IN_RULES.has(ruleId)) return `${REPOSITORY_URL}/blob/main/README.md`;
  return `${REPOSITORY_URL}/blob/main/rules/${ruleId}/README.md`;
}
function countDiagnostics(diagnostics) {
  const counts = { error: 0, warning: 0, info: 0, fixable: 0, safeFixable: 0 };
  for (const d of diagnostics) {
    counts[d.severity]++;
    if (d.fix) {
      counts.fixable++;
      if (d.fix.applicability === "safe") counts.safeFixable++;
    }
  }
  return counts;
}
function countResults(results) {
  const counts = { error: 0, warning: 0, info: 0, fixable: 0, safeFixable: 0 };
  for (const result of results) {
    const own = countDiagnostics(result.diagnostics);
    const fixable = canFix(result);
    counts.error += own.error;
    counts.warning += own.warning;
    counts.info += own.info;
    if (fixable) counts.fixable += own.fixable;
    if (fixable) counts.safeFixable += own.safeFixable;
  }
  return counts;
}
var canFix = (result) => result.live !== true && !result.diagnostics.some((d) => d.ruleId === SYNTAX && d.severity === "error");
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var spanOf = (start, end) => ({
  line: start.line,
  column: start.column,
  endLine: end.line,
  endColumn: end.column
});
function startLineText(result, diagnostic) {
  const text = result.document.source.text;
  const { offset, column } = diagnostic.loc.start;
  const lineStart = offset - (column - 1);
  const newline = text.indexOf("\n", lineStart);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline);
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
var fingerprintLine = (line) => line.replace(/\[\d+:\d+\]/g, "").replace(/(^|[ \t])(?:-c|--set-counters)[ \t]+\d+[ \t]+\d+(?=[ \t]|$)/g, "$1").replace(/[ \t]+/g, "");
var crypto = lazyModule("node:crypto");
var sha256 = (text) => crypto().createHash("sha256").update(text).digest("hex");
function fingerprints(results, cwd) {
  const seen = /* @__PURE__ */ new Map();
  return results.map((result) => {
    const path = relativePath(result, cwd);
    return result.diagnostics.map((d) => {
      const hash = sha256(`${d.ruleId}\0${path}\0${fingerprintLine(startLineText(result, d))}`);
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      return { hash, occurrence };
    });
  });
}
var hexEscape = (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
var printable = (text) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, hexEscape);
var XML_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Escaped so that attribute value normalisation keeps them.
  "	": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;"
};
var xmlEscape = (text) => text.replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, hexEscape).replace(/[\ud800-\udfff\ufffe\uffff]/gu, "\uFFFD");
var XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// src/format/stylish.ts
var sgr = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
var plain = (text) => text;
var red = sgr(31, 39);
var yellow = sgr(33, 39);
var blue = sgr(34, 39);
var bold = sgr(1, 22);
var COLOURS = {
  bold,
  dim: sgr(2, 22),
  severity: { error: red, warning: yellow, info: blue },
  summary: { error: (t) => bold(red(t)), warning: (t) => bold(yellow(t)), info: (t) => bold(blue(t)) }
};
var NO_COLOURS = {
  bold: plain,
  dim: plain,
  severity: { error: plain, warning: plain, info: plain },
  summary: { error: plain, warning: plain, info: plain }
};
function render(results, palette) {
  let out = "";
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out += `${palette.bold(printable(displayPath(result)))}
`;
    const rows = result.diagnostics.map((d) => ({
      position: `${d.loc.start.line}:${d.loc.start.column}`,
      severity: d.severity,
      message: printable(d.message),
      ruleId: d.ruleId,
      trace: d.trace
    }));
    const positionWidth = rows.reduce((width, r) => Math.max(width, r.position.length), 0);
    const severityWidth = rows.reduce((width, r) => Math.max(width, r.severity.length), 0);
    for (const row of rows) {
      const severity = palette.severity[row.severity](row.severity) + " ".repeat(severityWidth - row.severity.length);
      out += `  ${row.position.padEnd(positionWidth)}  ${severity}  ${row.message}  ${palette.dim(row.ruleId)}
`;
      if (row.trace !== void 0) out += traceLines(row.trace, palette);
    }
    out += "\n";
  }
  const counts = countResults(results);
  const problems = counts.error + counts.warning + counts.info;
  if (problems === 0) return "";
  const worst = counts.error ? "error" : counts.warning ? "warning" : "info";
  let summary = `\u2716 ${plural(problems, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}`;
  summary += counts.info ? `, ${plural(counts.info, "info")})` : ")";
  out += `${palette.summary[worst](summary)}
`;
  const fixable = fixableLine(counts);
  if (fixable) out += `  ${fixable}
`;
  const example = results.find((r) => r.diagnostics.length > 0).diagnostics[0].ruleId;
  out += `  ${palette.dim(`Why it matters and how to fix it: \`iptlint explain RULE\` (e.g. \`iptlint explain ${example}\`)`)}
`;
  return out;
}
function traceLines(traces, palette) {
  let out = "";
  for (const t of traces) {
    out += `      ${palette.dim(`outcome: ${printable(t.outcome)}`)}
`;
    for (const c of t.conditions) out += `      ${palette.dim(`  if ${printable(c)}`)}
`;
    for (const s of t.path) out += `      ${palette.dim(`  ${printable(s.filePath)}:${s.line} ${s.table}/${s.chain}${s.target === null ? "" : ` -> ${s.target}`}`)}
`;
  }
  return out;
}
function fixableLine({ safeFixable, fixable }) {
  const unsafe = fixable - safeFixable;
  if (safeFixable === 0) return unsafe === 0 ? null : `${unsafe} fixable with \`iptlint fix --unsafe-fixes\``;
  const more = unsafe === 0 ? "" : `, ${unsafe} more with \`iptlint fix --unsafe-fixes\``;
  return `${safeFixable} fixable with \`iptlint fix\`${more}`;
}
var stylish = (results, context) => render(results, context.color ? COLOURS : NO_COLOURS);
var formatStylish = (results) => render(results, NO_COLOURS);

// src/cli/exit-codes.ts
var ExitCode = {
  /** No finding at or above the failure threshold. */
  Ok: 0,
  /** Findings (a syntax error is one). */
  Findings: 1,
  /** A usage error: unknown flag, bad value, missing argument. */
  Usage: 2,
  /** The configuration is invalid. */
  Config: 3,
  /** An input cannot be read, or a file cannot be written (`fix` in place, `--output-file`). */
  Unreadable: 4,
  /** A bug in iptlint. */
  Internal: 5
};

// src/cli/inputs.ts
var SPARE_MIN_BYTES = 1 << 20;
function inputOf(fields, bytes) {
  let raw = bytes;
  let decoded;
  let spare = bytes.length >= SPARE_MIN_BYTES && bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : void 0;
  const read = () => {
    if (decoded === void 0) {
      decoded = decode(raw);
      raw = void 0;
    }
    return decoded;
  };
  return {
    ...fields,
    get text() {
      return read().text;
    },
    get encoding() {
      return read().encoding;
    },
    takeSpareMemory() {
      if (decoded === void 0) return void 0;
      const memory = spare;
      spare = void 0;
      return memory;
    }
  };
}
async function readInputs(paths, stdinName, io, digest) {
  const inputs = [];
  for (const path of paths) {
    const name = path === "-" ? stdinName : path;
    let bytes;
    try {
      if (path === "-") {
        bytes = await io.readStdin();
      } else {
        if (await io.isDirectory(path)) throw new UnreadableInput(`cannot read ${path}: it is a directory`);
        bytes = await io.readFile(path);
      }
    } catch (error) {
      if (error instanceof UnreadableInput) throw error;
      const reason = error.code === "ENOENT" ? "no such file" : error.message;
      throw new UnreadableInput(`cannot read ${name}: ${reason}`);
    }
    inputs.push(inputOf({ name, path: path === "-" ? void 0 : path, ...digest ? { digest: digest(bytes) } : {} }, bytes));
  }
  return inputs;
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decode(bytes) {
  const text = bytes.toString("utf8");
  if (text.length === bytes.length && text.indexOf("\uFFFD") === -1) return { text, encoding: "utf8" };
  try {
    return { text: utf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { text: bytes.toString("latin1"), encoding: "latin1" };
  }
}
var encode = (text, input) => input.encoding === "utf8" ? text : Buffer.from(text, "latin1");

// src/cli/paths.ts
import { isAbsolute } from "node:path";
var RULESET_PATTERNS = ["**/rules.v4", "**/rules.v6", "**/*.rules", "**/iptables-save*", "**/ip6tables-save*", "**/*.iptables", "**/*.ip6tables", "**/*.save"];
var tinyglobby = lazyModule("tinyglobby");
var SKIPPED_FOLDERS = ["**/node_modules/**", "**/.git/**"];
async function expandPaths(paths, io) {
  const out = [];
  for (const path of paths) {
    if (path === "-") {
      out.push(path);
    } else if (mayBePattern(path) && tinyglobby().isDynamicPattern(path)) {
      const matches = await io.glob([path], { cwd: io.cwd, ignore: SKIPPED_FOLDERS, absolute: isAbsolute(path) });
      if (matches.length === 0) throw new UsageError(`no file matches the pattern ${path}`);
      out.push(...matches);
    } else if (await isFolder(path, io)) {
      const found = await io.glob(
        RULESET_PATTERNS.map((p) => `${path.replace(/\/+$/, "")}/${p}`),
        { cwd: io.cwd, ignore: SKIPPED_FOLDERS, absolute: isAbsolute(path) }
      );
      if (found.length === 0) throw new UsageError(`no ruleset in ${path} (looked for ${RULESET_PATTERNS.map((p) => p.replace("**/", "")).join(", ")})`);
      out.push(...found);
    } else {
      out.push(path);
    }
  }
  return [...new Set(out)];
}
var mayBePattern = (path) => /[*?[\]{}()!@+]/.test(path);
async function isFolder(path, io) {
  try {
    return await io.isDirectory(path);
  } catch {
    return false;
  }
}

// src/nodes.ts
import { dirname as dirname2 } from "node:path";
function nodePartners(candidates) {
  const byKey = /* @__PURE__ */ new Map();
  candidates.forEach((candidate, i) => {
    const key = nodeKeyOf(candidate);
    if (key === null) return;
    const members = byKey.get(key);
    if (members) members.push(i);
    else byKey.set(key, [i]);
  });
  const partners = candidates.map(() => []);
  for (const members of byKey.values()) {
    for (const i of members) partners[i] = members.filter((j) => j !== i);
  }
  return partners;
}
function nodeKeyOf(candidate) {
  if (candidate.nodeKey !== void 0) return `configured:${candidate.nodeKey}`;
  if (candidate.live) return "live";
  if (candidate.path === void 0) return null;
  const name = candidate.path.split(/[\\/]/).pop() ?? "";
  const plain2 = sameNodeName(name);
  if (familyOfName(name) === null) return null;
  return `folder:${dirname2(candidate.path)}/${plain2}`;
}
function sameNodeName(name) {
  return name.replace(/ip6tables/gi, "iptables").replace(/ipv6/gi, "ipv4").replace(/(^|[._-])v6(?=$|[._-])/gi, "$1v4");
}

// src/cli/commands/shared.ts
import { dirname as dirname3 } from "node:path";
function withLintOptions(command2) {
  return command2.option("--stdin-filename <name>", "the name to report for standard input", "<stdin>").option("--kernel-version <release>", "the node's kernel (uname -r), to weigh the findings").option("--kubernetes-version <version>", "the node's Kubernetes (kube-proxy) version, to weigh the findings").option("--iptables-version <version>", "the node's iptables release (iptables --version), to report options it lacks").addOption(new Option("--family <family>", "lint as iptables (4) or ip6tables (6) rulesets, whatever their headers and names say").choices(["4", "6"])).option("-c, --config <path>", "use this configuration file instead of searching for one").option("--no-config", "use no configuration file");
}
async function settingsFor(input, options, io) {
  const loaded = options.config === false ? NO_CONFIG : await io.loadConfig(typeof options.config === "string" ? { path: options.config } : { directory: input.path === void 0 ? void 0 : dirname3(input.path) });
  const settings = resolveSettings(loaded, input.path ?? options.stdinFilename);
  if (options.family !== void 0) settings.family = { family: options.family === "6" ? 6 : 4, because: `\`--family ${options.family}\`` };
  return settings;
}
var nodeFlags = (options) => ({
  kernelVersion: options.kernelVersion,
  kubernetesVersion: options.kubernetesVersion,
  iptablesVersion: options.iptablesVersion
});

// src/cli/commands/fix.ts
function registerFix(program2, io, state) {
  withLintOptions(
    program2.command("fix").description("apply the fixes: in place, or print them as a diff, a restore file or a live patch").argument("<paths...>", "ruleset files; - reads standard input (with --emit)").addOption(
      new Option("--emit <form>", "print instead of writing: diff (for patch/git apply), restore (the fixed ruleset), patch (iptables-restore --noflush input for a live node)").choices(["diff", "restore", "patch"])
    ).option("--unsafe-fixes", "also apply fixes that change which packets match").addOption(new Option("--cache <file>").hideHelp())
  ).action(async (paths, options) => {
    if (options.cache !== void 0) throw new UsageError("fix: --cache is for `iptlint lint` only; fix always reads and lints the files it changes");
    if (!options.emit && paths.includes("-")) throw new UsageError("fix: standard input can only be fixed with --emit");
    if (options.emit && paths.length !== 1) throw new UsageError("fix --emit takes exactly one file");
    const inputs = await readInputs(await expandPaths(paths, io), options.stdinFilename, io);
    const remaining = [];
    const files = [];
    for (const input of inputs) {
      const settings = await settingsFor(input, options, io);
      if (!settings.ignored) files.push({ input, settings });
    }
    const documents = files.map(({ input }) => parse(input.text, { filePath: input.name }));
    const partnersOf = nodePartners(files.map(({ input, settings }) => ({ ...input, nodeKey: settings.nodeKey })));
    for (const [i, { input, settings }] of files.entries()) {
      const document = documents[i];
      const partners = partnersOf[i].map((j) => ({ document: documents[j], family: files[j].settings.family }));
      const fixOptions = { settings, node: nodeFlags(options), unsafe: options.unsafeFixes, partners };
      if (options.emit) {
        const found = lintDocument(document, fixOptions);
        const { result, stable, left } = fixFound(document, found, fixOptions);
        if (options.emit === "diff") io.stdout.write(encode(unifiedDiff(document, result, input.name), input));
        else if (options.emit === "restore") io.stdout.write(encode(restoreText(result), input));
        else io.stdout.write(encode(livePatch(document, result), input));
        reportSkipped(io, input.name, result, stable);
        remaining.push({ filePath: input.name, document, diagnostics: left });
      } else {
        const { result, diagnostics, stable } = lintAndFix(document, fixOptions);
        if (result.applied.length > 0) await io.writeFileAtomic(input.name, Buffer.from(result.output, input.encoding));
        reportSkipped(io, input.name, result, stable);
        remaining.push({ filePath: input.name, document: result.document, diagnostics });
      }
    }
    const report = formatStylish(remaining);
    (options.emit ? io.stderr : io.stdout).write(report);
    state.exitCode = remaining.some((r) => errorCount(r) > 0) ? ExitCode.Findings : ExitCode.Ok;
  });
}
function reportSkipped(io, name, result, stable) {
  for (const { fix, reason } of result.skipped) io.stderr.write(`iptlint: ${name}: fix "${fix.title}" not applied: ${reason}
`);
  if (!stable) io.stderr.write(`iptlint: ${name}: stopped after ${result.passes} passes of fixes: some fixes keep undoing others; please report it
`);
}

// src/cli/commands/fmt.ts
function registerFmt(program2, io, state) {
  program2.command("fmt").description("print the parsed ruleset (byte for byte what iptables-save printed)").argument("<path>", "a ruleset file; - reads standard input").option("--stdin-filename <name>", "the name to report for standard input", "<stdin>").option("--compact", "one space between words, \\n line ends, a final newline").action(async (path, options) => {
    const [input] = await readInputs([path], options.stdinFilename, io);
    const { document, diagnostics } = lintText(input.text, { filePath: input.name });
    const errors = diagnostics.filter((d) => d.ruleId === SYNTAX);
    if (errors.length > 0) {
      io.stderr.write(formatStylish([{ filePath: input.name, diagnostics: errors, document }]));
      state.exitCode = ExitCode.Findings;
      return;
    }
    io.stdout.write(encode(print(document, { style: options.compact ? "compact" : "preserve" }), input));
  });
}

// src/cli/commands/config.ts
import { join as join3, resolve as resolve2 } from "node:path";
var CONFIG_FILE = ".iptlintrc.yaml";
function initialConfig() {
  const rules = allRules.map((r) => `#   # ${r.description}
#   ${r.id}: ${r.severity}`).join("\n");
  return `# yaml-language-server: $schema=./node_modules/iptlint/src/config/iptlint.schema.json
# iptlint configuration, found from each linted file's folder upward.

# What is known of the nodes these rulesets come from; it weighs the findings. The command
# line's --kernel-version, --kubernetes-version and --iptables-version take precedence.
# node:
#   kernelVersion: 5.4.0-107-generic   # uname -r
#   kubernetesVersion: v1.18.2
#   iptablesVersion: 1.8.4             # iptables --version

# The severity of each rule: off, info, warning or error. A rule left out weighs each finding
# itself (masquerade-mark-not-cleared: error or warning, by the node); one given a severity
# reports every finding at it.
# rules:
${rules}

# Settings for some files only, by glob relative to this file's folder.
# overrides:
#   - files: ["nodes/legacy-*/**"]
#     node: { kernelVersion: 3.10.0-1127.el7.x86_64 }

# Files never to lint.
# ignores: ["archive/**"]

# Suppressions (# iptlint-disable ...) that suppress nothing: off, info, warning or error.
reportUnusedSuppressions: warning
`;
}
var CASES_FILE = "packets.yaml";
function initialCases() {
  return `# yaml-language-server: $schema=./node_modules/iptlint/src/cases/iptlint-cases.schema.json
# Packet cases for \`iptlint test rules.v4 rules.v6 --cases ${CASES_FILE}\`: each packet is walked through
# the rulesets as the kernel would, and every expectation must hold (exit 1 when one does not).

# What is known of the node, for every case (a case's own \`node\` wins key by key). Without its
# addresses and routes, the walk cannot tell local delivery from forwarding and follows both ways.
node:
  local: [192.168.1.10]                 # or addresses: addr.json  (ip -j addr > addr.json)
  route:                                # or routes: [route.json]  (ip -4 -j route show table all > route.json)
    - 10.244.0.0/16 dev cni0
    - default dev eth0 via 192.168.1.1
  # ipRules: rule.json                  # ip -4 -j rule > rule.json (routing by mark: ip rule fwmark ...)
  # ipset: ipset.txt                    # ipset save > ipset.txt

cases:
  - name: ssh to the node is open
    packet: tcp 203.0.113.7:40000 -> 192.168.1.10:22 in eth0
    expect:
      verdict: accept                   # accept, drop, reject or queue
      delivery: local                   # local, forward or out (sent by the node)
      reaches: INPUT                    # hooks it enters: PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING

  - name: telnet is closed
    packet: tcp 203.0.113.7:40000 -> 192.168.1.10:23 in eth0
    expect: { verdict: drop }

  - name: the DNS service reaches one of its endpoints
    packet: udp 10.244.1.9:40000 -> 10.96.0.10:53 in cni0
    # A random pick (-m statistic) gives one outcome per endpoint. Every expectation must hold in
    # every outcome (outcomes: all, the default); \`outcomes: any\` asks for one outcome only.
    expect:
      dnat: [10.244.1.5:53, 10.244.2.7:53]   # rewritten to one of these; true / false: rewritten or not
      delivery: forward

  - name: traffic to the world leaves masqueraded and marked
    packet: tcp 10.244.1.9:40000 -> 198.51.100.1:443 in cni0
    state: new                          # new (default), established, related, invalid
    mark: 0x0                           # the mark it arrives with
    expect:
      snat: true
      outInterface: eth0
      mark: 0x0/0x4000                  # value/mask: only the mask's bits are checked
`;
}
function registerInit(program2, io, _state) {
  program2.command("init").description(`write a commented ${CONFIG_FILE} in the current folder (--cases: an example ${CASES_FILE} for \`iptlint test\`)`).option("--cases", `write an example of packet cases, ${CASES_FILE}, instead`).action(async (options) => {
    const path = join3(io.cwd, options.cases ? CASES_FILE : CONFIG_FILE);
    try {
      await io.writeNewFile(path, options.cases ? initialCases() : initialConfig());
    } catch (error) {
      if (error.code === "EEXIST") throw new UsageError(`init: ${path} exists already; not overwritten`);
      throw error;
    }
    io.stdout.write(`wrote ${path}
`);
  });
}
function registerPrintConfig(program2, io, _state) {
  program2.command("print-config").description("print the configuration that applies to a file (or to the current folder)").argument("[path]", "a ruleset file").action(async (path) => {
    const directory = path === void 0 ? io.cwd : resolve2(io.cwd, path, "..");
    const loaded = await io.loadConfig({ directory });
    const settings = resolveSettings(loaded, path);
    const printable2 = {
      configFile: loaded.filePath ?? null,
      ignored: settings.ignored,
      node: settings.node,
      rules: Object.fromEntries([...settings.rules].map(([id, { severity, options }]) => [id, options === void 0 ? severity : [severity, options]])),
      reportUnusedSuppressions: settings.reportUnusedSuppressions
    };
    io.stdout.write(JSON.stringify(printable2, null, 2) + "\n");
  });
}

// src/format/checkstyle.ts
var checkstyle = (results) => {
  let out = `${XML_DECLARATION}<checkstyle version="4.3">
`;
  for (const result of results) {
    const errors = result.diagnostics.map(
      (d) => `    <error line="${d.loc.start.line}" column="${d.loc.start.column}" severity="${d.severity}" message="${xmlEscape(d.message)}" source="iptlint.${xmlEscape(d.ruleId)}"/>
`
    );
    const name = xmlEscape(displayPath(result));
    out += errors.length === 0 ? `  <file name="${name}"/>
` : `  <file name="${name}">
${errors.join("")}  </file>
`;
  }
  return `${out}</checkstyle>
`;
};

// src/format/compact.ts
var compact = (results) => {
  let out = "";
  for (const result of results) {
    const file = printable(displayPath(result));
    for (const d of result.diagnostics) {
      out += `${file}:${d.loc.start.line}:${d.loc.start.column}: ${d.severity}: ${printable(d.message)} [${d.ruleId}]
`;
    }
  }
  return out;
};

// src/format/github.ts
var ANNOTATIONS_PER_KIND = 10;
var SEVERITIES = ["error", "warning", "info"];
var NAMES = { error: "error", warning: "warning", info: "info finding" };
var COMMANDS = { error: "error", warning: "warning", info: "notice" };
var escapeData = (text) => printable(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
var escapeProperty = (text) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
var github = (results, context) => {
  const commands = { error: [], warning: [], info: [] };
  for (const result of results) {
    const file = escapeProperty(relativePath(result, context.cwd));
    for (const d of result.diagnostics) commands[d.severity].push(command(file, d));
  }
  const notice = commands.info.length > ANNOTATIONS_PER_KIND || commands.error.length > ANNOTATIONS_PER_KIND || commands.warning.length > ANNOTATIONS_PER_KIND;
  const shown = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, info: ANNOTATIONS_PER_KIND - (notice ? 1 : 0) };
  let out = [...commands.error, ...commands.warning].join("");
  if (notice) {
    const hidden = SEVERITIES.filter((s) => commands[s].length > shown[s]).map((s) => plural(commands[s].length - shown[s], `more ${NAMES[s]}`));
    const list = hidden.length === 1 ? hidden[0] : `${hidden.slice(0, -1).join(", ")} and ${hidden.at(-1)}`;
    out += `::notice title=iptlint::${escapeData(`...and ${list} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step): see the job summary or the SARIF report`)}
`;
  }
  return out + commands.info.join("");
};
function command(file, d) {
  const { start, end } = d.loc;
  let properties = `file=${file},line=${start.line}`;
  if (start.line === end.line) properties += `,col=${start.column}`;
  properties += `,endLine=${end.line}`;
  if (start.line === end.line) properties += `,endColumn=${end.column}`;
  return `::${COMMANDS[d.severity]} ${properties},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}
`;
}

// src/format/gitlab.ts
var SEVERITIES2 = { error: "major", warning: "minor", info: "info" };
var gitlab = (results, context) => {
  const prints = fingerprints(results, context.cwd);
  const issues = results.flatMap((result, i) => {
    const path = relativePath(result, context.cwd);
    return result.diagnostics.map((d, j) => ({
      description: `${d.ruleId}: ${d.message}`,
      check_name: d.ruleId,
      fingerprint: sha256(`${prints[i][j].hash}:${prints[i][j].occurrence}`),
      severity: SEVERITIES2[d.severity],
      location: { path, lines: { begin: d.loc.start.line, end: d.loc.end.line } }
    }));
  });
  return `${JSON.stringify(issues, null, 2)}
`;
};

// src/format/json.ts
var json = (results) => {
  const report = results.map((result) => {
    const source = result.document.source;
    const counts = countDiagnostics(result.diagnostics);
    return {
      filePath: displayPath(result),
      messages: result.diagnostics.map((d) => {
        const message = {
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          ...spanOf(d.loc.start, d.loc.end)
        };
        if (d.fix) {
          message.fix = {
            title: d.fix.title,
            applicability: d.fix.applicability,
            edits: d.fix.edits.map((e) => ({
              start: e.start,
              end: e.end,
              text: e.text,
              ...spanOf(source.positionAt(e.start), source.positionAt(e.end))
            }))
          };
        }
        if (d.trace) message.trace = d.trace;
        return message;
      }),
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info,
      fixableCount: counts.fixable
    };
  });
  return `${JSON.stringify(report, null, 2)}
`;
};

// src/format/junit.ts
function testcase(file, d) {
  const { start, end } = d.loc;
  const where2 = `${file}:${start.line}:${start.column}-${end.line}:${end.column}`;
  let detail = `${where2}: ${d.severity}: ${d.message} [${d.ruleId}]${d.fix ? `
fix (${d.fix.applicability}): ${d.fix.title}` : ""}`;
  for (const t of d.trace ?? []) {
    detail += `
outcome: ${t.outcome}`;
    for (const c of t.conditions) detail += `
  if ${c}`;
    for (const s of t.path) detail += `
  ${s.filePath}:${s.line} ${s.table}/${s.chain}${s.target === null ? "" : ` -> ${s.target}`}`;
  }
  return `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(`${start.line}:${start.column} ${d.ruleId}`)}" time="0">
      <failure type="${d.severity}" message="${xmlEscape(d.message)}">${xmlEscape(detail)}</failure>
    </testcase>
`;
}
var junit = (results) => {
  const total = countResults(results);
  const failures = total.error + total.warning + total.info;
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  let out = `${XML_DECLARATION}<testsuites name="iptlint" tests="${tests}" failures="${failures}" errors="0" time="0">
`;
  for (const result of results) {
    const file = displayPath(result);
    const count = result.diagnostics.length;
    out += `  <testsuite name="${xmlEscape(file)}" tests="${Math.max(1, count)}" failures="${count}" errors="0" skipped="0" time="0">
`;
    if (count === 0) out += `    <testcase classname="${xmlEscape(file)}" name="iptlint" time="0"/>
`;
    for (const d of result.diagnostics) out += testcase(file, d);
    out += "  </testsuite>\n";
  }
  return `${out}</testsuites>
`;
};

// src/format/markdown.ts
var MARKDOWN_FINDINGS = 50;
var SEVERITIES3 = ["error", "warning", "info"];
var markdown = (results) => {
  const counts = countResults(results);
  const total = counts.error + counts.warning + counts.info;
  const withFindings = results.filter((r) => r.diagnostics.length > 0).length;
  let out = "### iptlint: ";
  if (total === 0) return `${out}no findings in ${plural(results.length, "file")}
`;
  out += `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")} and ${counts.info} info in ${withFindings} of ${plural(results.length, "file")}

`;
  const byRule = /* @__PURE__ */ new Map();
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const row = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[d.severity]++;
    byRule.set(d.ruleId, row);
  }
  const rows = [...byRule].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b));
  out += "| rule | errors | warnings | info |\n| :-- | --: | --: | --: |\n";
  for (const [ruleId, row] of rows) out += `| [${codeSpan(ruleId)}](${ruleDocsUrl(ruleId)}) | ${row.error} | ${row.warning} | ${row.info} |
`;
  out += `| **all** | **${counts.error}** | **${counts.warning}** | **${counts.info}** |

`;
  const findings = [];
  for (const severity of SEVERITIES3) {
    for (const result of results) {
      for (const d of result.diagnostics) if (d.severity === severity) findings.push({ path: displayPath(result), d });
    }
  }
  const listed = findings.slice(0, MARKDOWN_FINDINGS);
  out += listed.length === total ? "| | where | rule | finding |\n" : `The first ${listed.length}, errors first:

| | where | rule | finding |
`;
  out += "| :-- | :-- | :-- | :-- |\n";
  for (const { path, d } of listed) {
    const where2 = `${path}:${d.loc.start.line}:${d.loc.start.column}`;
    out += `| ${d.severity} | ${codeSpan(where2)} | ${codeSpan(d.ruleId)} | ${cell(d.message)} |
`;
  }
  if (listed.length < total) out += `
...and ${plural(total - listed.length, "more finding")}: see the job log or the SARIF report.
`;
  return out;
};
function codeSpan(text) {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat.replace(/\|/g, "\\|")}${pad}${fence}`;
}
function cell(message) {
  return oneLine(message).split(/(`[^`]*`)/).map(
    (part, i) => i % 2 === 1 ? part.replace(/\|/g, "\\|") : part.replace(/[\\*_[\]~|]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  ).join("");
}
var oneLine = (text) => printable(text.replace(/\r\n|\r|\n/g, " "));

// src/format/prometheus.ts
var SEVERITIES4 = ["error", "warning", "info"];
var prometheus = (results, context) => {
  let out = "";
  const family = (name, help, samples) => {
    out += `# HELP ${name} ${help}
# TYPE ${name} gauge
`;
    for (const sample of samples) out += `${name}${sample}
`;
  };
  family("iptlint_info", "iptlint's version (the value is always 1).", [`${labels({ version: context.version })} 1`]);
  const counts = /* @__PURE__ */ new Map();
  const key = (rule, severity) => `${rule}\0${severity}`;
  for (const rule of [...describedRules(context.rules), ...SUPPRESSION_FINDINGS]) counts.set(key(rule.id, rule.severity), 0);
  const others = [];
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const k = key(d.ruleId, d.severity);
    const count = counts.get(k);
    if (count === void 0) others.push(k);
    counts.set(k, (count ?? 0) + 1);
  }
  const byRuleThenSeverity = (a, b) => {
    const [ruleA, severityA] = a.split("\0");
    const [ruleB, severityB] = b.split("\0");
    if (ruleA !== ruleB) return ruleA < ruleB ? -1 : 1;
    return SEVERITIES4.indexOf(severityA) - SEVERITIES4.indexOf(severityB);
  };
  const order = [...counts.keys()].filter((k) => !others.includes(k)).concat(others.sort(byRuleThenSeverity));
  family(
    "iptlint_findings",
    "Findings of the last run by rule and severity, over every ruleset it linted.",
    order.map((k) => {
      const [rule, severity] = k.split("\0");
      return `${labels({ rule, severity })} ${counts.get(k)}`;
    })
  );
  const sizes = /* @__PURE__ */ new Map();
  for (const r of results) {
    const name = labels({ ruleset: displayPath(r) });
    const size = r.size ?? rulesetSize(r.document);
    const sum = sizes.get(name) ?? { rules: 0, chains: 0 };
    sizes.set(name, { rules: sum.rules + size.rules, chains: sum.chains + size.chains });
  }
  family("iptlint_rules", "Rules (command lines: the -A lines of a dump) in each ruleset linted.", [...sizes].map(([name, s]) => `${name} ${s.rules}`));
  family("iptlint_chains", "Chains declared (built-in and user chains, each table's own) in each ruleset linted.", [...sizes].map(([name, s]) => `${name} ${s.chains}`));
  if (context.run) {
    family("iptlint_last_run_timestamp_seconds", "When the last run ended, in seconds since the Unix epoch.", [` ${seconds(context.run.endedAt)}`]);
    family("iptlint_last_run_duration_seconds", "How long the last run took: reading the rules and linting them.", [
      ` ${seconds(context.run.durationMs)}`
    ]);
  }
  return out;
};
var seconds = (ms) => String(Math.round(ms) / 1e3);
function labels(pairs) {
  const escaped = Object.entries(pairs).map(
    ([name, value]) => `${name}="${value.replace(/[\ud800-\udfff]/gu, "\uFFFD").replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`
  );
  return `{${escaped.join(",")}}`;
}

// src/format/sarif.ts
import { relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
import { pathToFileURL } from "node:url";

// src/rule-docs.ts
function readmeSections(markdown2) {
  const sections = /* @__PURE__ */ new Map();
  const parts = markdown2.split(/^## +/m);
  for (const part of parts.slice(1)) {
    const newline = part.indexOf("\n");
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim();
    sections.set(heading, newline === -1 ? "" : part.slice(newline + 1).trim());
  }
  return sections;
}
var readmeBody = (markdown2) => markdown2.replace(/^# [^\n]*\n+/, "").trimEnd();

// src/format/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var LEVELS = { error: "error", warning: "warning", info: "note" };
var SRCROOT = "%SRCROOT%";
var MAX_DESCRIPTION = 1024;
var clip = (text) => text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 3)}...`;
function clipLines(text) {
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.lastIndexOf("\n", MAX_DESCRIPTION - 4);
  return `${text.slice(0, cut > 0 ? cut : MAX_DESCRIPTION - 4).trimEnd()}
...`;
}
function descriptor(rule, readme) {
  const url = ruleDocsUrl(rule.id);
  const description = clip(rule.description);
  const whatItDoes = readme === void 0 ? void 0 : readmeSections(readme).get("What it does");
  const full = whatItDoes ? clipLines(whatItDoes) : description;
  const help = readme === void 0 ? rule.description : readmeBody(readme);
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: description },
    fullDescription: whatItDoes ? { text: full, markdown: full } : { text: full },
    helpUri: url,
    help: { text: `${help}

Documentation: ${url}`, markdown: `${help}

[Documentation](${url})` },
    defaultConfiguration: { level: LEVELS[rule.severity] }
  };
}
var region = (span) => ({
  startLine: span.line,
  startColumn: span.column,
  endLine: span.endLine,
  endColumn: span.endColumn
});
function relativeTo(cwd, path) {
  const rel = relative2(cwd, resolve3(cwd, path));
  return sep2 === "/" ? rel : rel.split(sep2).join("/");
}
function sarifResult(cwd, result, d, ruleIndex, artifactLocation, lineHash) {
  const out = {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(spanOf(d.loc.start, d.loc.end)) } }],
    partialFingerprints: { primaryLocationLineHash: lineHash }
  };
  if (d.trace) {
    out.codeFlows = d.trace.map((t) => {
      const steps = t.path.map((step) => ({
        location: {
          physicalLocation: { artifactLocation: { uri: pathToUriReference(relativeTo(cwd, step.filePath)), uriBaseId: SRCROOT }, region: { startLine: step.line } },
          message: { text: `${step.table}/${step.chain}${step.target === null ? "" : ` -> ${step.target}`}` }
        }
      }));
      if (steps.length === 0) steps.push({ location: { physicalLocation: { artifactLocation, region: { startLine: d.loc.start.line } }, message: { text: t.outcome } } });
      const conditions = t.conditions.length === 0 ? "" : ` if ${t.conditions.join(" and ")}`;
      return { message: { text: `${t.outcome}${conditions}` }, threadFlows: [{ locations: steps }] };
    });
  }
  if (d.fix) {
    const source = result.document.source;
    out.fixes = [
      {
        description: { text: d.fix.title },
        artifactChanges: [
          {
            artifactLocation,
            replacements: d.fix.edits.map((e) => ({
              deletedRegion: region(spanOf(source.positionAt(e.start), source.positionAt(e.end))),
              insertedContent: { text: e.text }
            }))
          }
        ]
      }
    ];
  }
  return out;
}
var sarif = (results, context) => {
  const rules = describedRules(context.rules);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const prints = fingerprints(results, context.cwd);
  const sarifResults = [];
  results.forEach((result, i) => {
    const artifactLocation = { uri: pathToUriReference(relativePath(result, context.cwd)), uriBaseId: SRCROOT };
    result.diagnostics.forEach((d, j) => {
      let index = ruleIndex.get(d.ruleId);
      if (index === void 0) {
        index = rules.length;
        rules.push(describeRule(d.ruleId, d.severity));
        ruleIndex.set(d.ruleId, index);
      }
      const { hash, occurrence } = prints[i][j];
      sarifResults.push(sarifResult(context.cwd, result, d, index, artifactLocation, `${hash.slice(0, 16)}:${occurrence}`));
    });
  });
  const workingDirectory = pathToFileURL(context.cwd).href.replace(/\/?$/, "/");
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "iptlint",
            semanticVersion: context.version,
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => descriptor(rule, context.ruleDocs?.get(rule.id)))
          }
        },
        invocations: [{ executionSuccessful: true, workingDirectory: { uri: workingDirectory } }],
        originalUriBaseIds: { [SRCROOT]: { uri: workingDirectory } },
        columnKind: "utf16CodeUnits",
        results: sarifResults
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
};

// src/format/index.ts
var formatters = Object.freeze({
  stylish,
  compact,
  json,
  sarif,
  github,
  checkstyle,
  junit,
  gitlab,
  markdown,
  prometheus
});
var formatNames = Object.freeze(Object.keys(formatters));

// src/cli/lint-pool.ts
var os = lazyModule("node:os");
var workerThreads = lazyModule("node:worker_threads");
var PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
var PARALLEL_MIN_REST_BYTES = PARALLEL_MIN_BYTES / 2;
function workerCount(lengths, cores) {
  const workers = Math.min(cores, lengths.length);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const largest = lengths.reduce((most, length) => Math.max(most, length), 0);
  return workers < 2 || total < PARALLEL_MIN_BYTES || total - largest < PARALLEL_MIN_REST_BYTES ? 0 : workers;
}
async function lintAll(jobs, onDone = () => {
}) {
  const cores = workerCount(jobs.map((job) => job.text.length), os().availableParallelism());
  if (cores === 0) return lintHere(jobs, onDone);
  const results = new Array(jobs.length);
  const workers = Array.from({ length: cores }, () => new (workerThreads()).Worker(new URL("./lint-worker.js", import.meta.url)));
  let next = 0;
  let done = 0;
  try {
    await new Promise((resolve5, reject) => {
      const feed = (worker) => {
        if (next >= jobs.length) return;
        const job = jobs[next++];
        const partners = (job.partners ?? []).map((id) => ({ text: jobs[id].text, filePath: jobs[id].filePath, settings: jobs[id].settings }));
        const { spareMemory: _thisThreadOnly, ...sent } = job;
        worker.postMessage({ ...sent, partners });
      };
      for (const worker of workers) {
        worker.on("message", (reply) => {
          if ("error" in reply) return reject(new Error(`linting ${jobs[reply.id].filePath} failed in a worker: ${reply.error}`));
          const job = jobs[reply.id];
          results[reply.id] = { filePath: job.filePath, diagnostics: reply.diagnostics, document: detachedDocument(job.text, job.filePath, []), size: reply.size };
          onDone(++done);
          if (done === jobs.length) resolve5();
          else feed(worker);
        });
        worker.on("error", reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
function lintHere(jobs, onDone = () => {
}) {
  const documents = /* @__PURE__ */ new Map();
  const documentOf = (job) => {
    let document = documents.get(job.id);
    if (document === void 0) documents.set(job.id, document = parse(job.text, { filePath: job.filePath, spareMemory: job.spareMemory?.() }));
    return document;
  };
  return jobs.map((job, i) => {
    const document = documentOf(job);
    const partners = (job.partners ?? []).map((id) => ({ document: documentOf(jobs[id]), family: jobs[id].settings.family }));
    const result = { filePath: job.filePath, diagnostics: lintDocument(document, { settings: job.settings, node: job.node, partners }), document };
    onDone(i + 1);
    return result;
  });
}

// src/cli/cache.ts
import { readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { basename, dirname as dirname4, join as join4 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var crypto2 = lazyModule("node:crypto");
var LAYOUT = 1;
function cacheKey(parts) {
  const key = {
    layout: LAYOUT,
    version,
    code: codeDigest(),
    node: process.version,
    cwd: parts.cwd,
    color: parts.color,
    options: parts.options,
    inputs: parts.inputs.map(({ input, settings }) => ({
      name: input.name,
      path: input.path,
      live: input.live === true,
      partnerOnly: input.partnerOnly === true,
      digest: input.digest,
      settings
    })),
    ruleDocs: parts.ruleDocs
  };
  return sha2562(stableJson(key));
}
function stableJson(value) {
  return JSON.stringify(value, (_, v) => {
    if (v instanceof Map) return [...v].sort(([a], [b]) => String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
    }
    return v;
  });
}
var sha2562 = (text) => crypto2().createHash("sha256").update(text).digest("hex");
var bytesDigest = (bytes) => sha2562(bytes);
var code;
function codeDigest() {
  if (code !== void 0) return code;
  const here = dirname4(fileURLToPath2(import.meta.url));
  const codeFiles = (folder) => readdirSync(folder, { recursive: true }).filter((name) => name.endsWith(".js") || name.endsWith(".cjs")).map((name) => join4(folder, name));
  const files = basename(here) === "dist" ? codeFiles(here) : ["src", "rules", "grammar"].flatMap((folder) => codeFiles(join4(packageRoot, "build", folder)));
  const hash = crypto2().createHash("sha256");
  for (const file of files.sort()) hash.update(`${file.slice(packageRoot.length)}\0`).update(readFileSync2(file));
  return code = hash.digest("hex");
}
function saveOutputDigest(bytes) {
  const blanks = [];
  for (const start of linesStarting(bytes, "# ")) {
    const date = generatedOrCompleted(bytes, start, lineEnd(bytes, start));
    if (date !== null) blanks.push(date);
  }
  const tables = linesStarting(bytes, "*");
  for (const [i, table] of tables.entries()) {
    const tableEnd = tables[i + 1] ?? bytes.length;
    let start = lineEnd(bytes, table) + 1;
    const headers = [];
    const names = [];
    for (; start < tableEnd && bytes[start] === COLON; start = lineEnd(bytes, start) + 1) {
      const counters = policyCounters(bytes, start, lineEnd(bytes, start));
      if (counters === null) break;
      headers.push(counters);
      names.push(bytes.toString("latin1", start, bytes.indexOf(SPACE, start) + 1));
    }
    if (names.length === new Set(names).size) blanks.push(...headers);
  }
  const hash = crypto2().createHash("sha256");
  let hashedTo = 0;
  for (const blank of blanks.sort((a, b) => a.start - b.start)) {
    hash.update(bytes.subarray(hashedTo, blank.start));
    hash.update("#".repeat(blank.end - blank.start));
    hashedTo = blank.end;
  }
  hash.update(bytes.subarray(hashedTo));
  return hash.digest("hex");
}
var NEWLINE = 10;
var SPACE = 32;
var COLON = 58;
var DASH = 45;
var OPEN = 91;
var CLOSE = 93;
function linesStarting(bytes, prefix) {
  const found = bytes.toString("latin1", 0, prefix.length) === prefix ? [0] : [];
  const needle = Buffer.from(`
${prefix}`, "latin1");
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) found.push(at + 1);
  return found;
}
var lineEnd = (bytes, start) => {
  const end = bytes.indexOf(NEWLINE, start);
  return end === -1 ? bytes.length : end;
};
var isDigit = (byte) => byte !== void 0 && byte >= 48 && byte <= 57;
function policyCounters(bytes, start, end) {
  const space = bytes.indexOf(SPACE, start);
  if (space === -1 || space >= end || space === start + 1) return null;
  if (bytes[space + 1] === DASH && bytes[space + 2] === SPACE) return null;
  const policyEnd = bytes.indexOf(SPACE, space + 1);
  if (policyEnd === -1 || policyEnd >= end || policyEnd === space + 1 || bytes[policyEnd + 1] !== OPEN || bytes[end - 1] !== CLOSE) return null;
  let colons = 0;
  for (let at = policyEnd + 2; at < end - 1; at++) {
    if (bytes[at] === COLON) colons++;
    else if (!isDigit(bytes[at])) return null;
  }
  if (colons !== 1 || !isDigit(bytes[policyEnd + 2]) || !isDigit(bytes[end - 2])) return null;
  return { start: policyEnd + 2, end: end - 1 };
}
var DATE = / on ([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;
var COMPLETED = /^# Completed on ([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;
function generatedOrCompleted(bytes, start, end) {
  const line = bytes.toString("latin1", start, end);
  const date = line.startsWith("# Generated by ip") ? DATE.exec(line) : line.startsWith("# Completed on ") ? COMPLETED.exec(line) : null;
  if (date === null) return null;
  return { start: end - date[1].length, end };
}
async function readCache(io, path, key, wanted) {
  try {
    const stored = JSON.parse((await io.readFile(path)).toString("utf8"));
    if (stored?.iptlintCache !== LAYOUT || stored.key !== key || !Number.isInteger(stored.exitCode) || !Array.isArray(stored.outputs)) return void 0;
    if (stored.outputs.length !== wanted.length) return void 0;
    const wellFormed = (o, i) => o !== null && typeof o === "object" && o.format === wanted[i].format && (typeof o.text === "string" || o.format === "prometheus" && Array.isArray(o.counts));
    return stored.outputs.every(wellFormed) ? stored : void 0;
  } catch {
    return void 0;
  }
}
async function writeCache(io, path, key, exitCode, outputs) {
  const stored = { iptlintCache: LAYOUT, key, exitCode, outputs: [...outputs] };
  try {
    await io.writeFileAtomic(path, Buffer.from(JSON.stringify(stored)), { create: true });
  } catch (error) {
    io.stderr.write(`iptlint: --cache: ${error.message}; the next run lints again
`);
  }
}
function countsOf(results) {
  return results.map((result) => {
    const findings = /* @__PURE__ */ new Map();
    for (const d of result.diagnostics) {
      const pair = `${d.ruleId}\0${d.severity}`;
      const counted = findings.get(pair);
      if (counted) counted[2]++;
      else findings.set(pair, [d.ruleId, d.severity, 1]);
    }
    return { filePath: result.filePath, size: result.size ?? rulesetSize(result.document), findings: [...findings.values()] };
  });
}
function resultsForPrometheus(counts) {
  return counts.map((c) => ({
    filePath: c.filePath ?? void 0,
    size: c.size,
    diagnostics: c.findings.flatMap(([ruleId, severity, count]) => Array.from({ length: count }, () => ({ ruleId, severity })))
  }));
}

// src/cli/live.ts
var SAVE_TOOLS = ["iptables-nft-save", "iptables-legacy-save", "ip6tables-nft-save", "ip6tables-legacy-save"];
var FALLBACK_TOOLS = ["iptables-save", "ip6tables-save"];
async function liveInputs(io, digest) {
  let ran = await runAll(SAVE_TOOLS, io);
  if (ran.every((r) => r.missing)) ran = await runAll(FALLBACK_TOOLS, io);
  if (ran.every((r) => r.missing)) {
    throw new UnreadableInput(`--live: none of ${[...SAVE_TOOLS, ...FALLBACK_TOOLS].join(", ")} is installed (Debian package iptables)`);
  }
  const refused = ran.find((r) => r.problem !== void 0);
  if (refused) throw new UnreadableInput(`--live: ${refused.tool} failed: ${refused.problem}`);
  return ran.filter((r) => !r.missing).map(
    (r) => inputOf({ name: `live:${r.tool}`, path: void 0, live: true, ...isBlank(r.output) ? { partnerOnly: true } : {}, ...digest ? { digest: digest(r.output) } : {} }, r.output)
  );
}
function isBlank(bytes) {
  for (const byte of bytes) if (byte !== 32 && byte !== 10 && byte !== 9 && byte !== 13) return false;
  return true;
}
async function runAll(tools, io) {
  const ran = [];
  for (const tool of tools) {
    const result = await io.run(tool, []);
    if (result.error === "ENOENT") {
      ran.push({ tool, missing: true, output: Buffer.alloc(0) });
    } else if (result.error !== void 0 || result.status !== 0) {
      const said = result.stderr.trim().split("\n").filter((l) => !l.startsWith("# Warning:"))[0] ?? "";
      const permission = result.error === "EACCES" || /permission denied|operation not permitted/i.test(said);
      const problem = permission ? `permission denied (reading the live rules needs root or CAP_NET_ADMIN)${said ? `: ${said}` : ""}` : said || `exit status ${result.status}`;
      ran.push({ tool, missing: false, output: Buffer.alloc(0), problem });
    } else {
      ran.push({ tool, missing: false, output: typeof result.stdout === "string" ? Buffer.from(result.stdout) : result.stdout });
    }
  }
  return ran;
}

// src/cli/commands/lint.ts
function registerLint(program2, io, state) {
  withLintOptions(
    program2.command("lint", { isDefault: true }).description("report syntax errors and findings (the default command)").argument("[paths...]", "ruleset files, folders to search for rulesets, or quoted glob patterns; - reads standard input").option("--live", "lint this node's own rules: iptables-save and ip6tables-save of both backends").option("--max-warnings <n>", "fail when there are more warnings than this", parseCount).option("--quiet", "report errors only").addOption(new Option("-f, --format <format>", "report format").choices(formatNames).default("stylish")).option("-o, --output-file <path>", "write the report to this file instead of standard output").option("--report <format=path>", "also write a report in this format to this file, from the same run (repeatable)", collectReport, []).option("--color", "colour the report even when not on a terminal").option("--no-color", "never colour the report").addOption(new Option("--failure-threshold <severity>", "fail on findings of this severity or above").choices(["error", "warning", "info"]).default("error")).option("--cache <file>", "keep the run's reports in this file, and print them from it while the rules, configuration, options and iptlint are unchanged")
  ).action(async (paths, options) => {
    const started = performance.now();
    if (paths.length === 0 && !options.live) {
      throw new UsageError("lint: give ruleset files, folders or patterns (- for standard input, --live for this node's rules)");
    }
    const cacheFile = options.cache;
    const inputs = [
      ...options.live ? await liveInputs(io, cacheFile === void 0 ? void 0 : saveOutputDigest) : [],
      ...await readInputs(await expandPaths(paths, io), options.stdinFilename, io, cacheFile === void 0 ? void 0 : bytesDigest)
    ];
    const files = [];
    for (const input of inputs) files.push({ input, settings: await settingsFor(input, options, io) });
    const color = options.outputFile === void 0 && useColor(io.stdout, io.env, options.color);
    const ruleDocs = options.format === "sarif" ? await readRuleReadmes(io, allRules.map((r) => r.id)) : void 0;
    const { cache: _, ...keyedOptions } = options;
    const key = cacheFile === void 0 ? void 0 : cacheKey({ cwd: io.cwd, color, options: keyedOptions, inputs: files, ruleDocs });
    const outputs = [{ path: options.outputFile, format: options.format }, ...options.report.map((extra) => ({ path: extra.path, format: extra.format }))];
    const cached = key === void 0 ? void 0 : await readCache(io, cacheFile, key, outputs);
    if (cached !== void 0) {
      const run2 = { endedAt: Date.now(), durationMs: performance.now() - started };
      for (const [i, output] of outputs.entries()) {
        const stored = cached.outputs[i];
        const text = stored.text ?? formatters.prometheus(resultsForPrometheus(stored.counts), { cwd: io.cwd, color: false, rules: allRules, version, run: run2 });
        await writeReport(io, output.path, text);
      }
      state.exitCode = cached.exitCode;
      return;
    }
    const machine = options.format !== "stylish" && options.format !== "compact";
    const progress = io.progress({ machineOutputOnStdout: machine && options.outputFile === void 0, color: useColor(io.stderr, io.env, options.color) });
    const jobs = [];
    const live = /* @__PURE__ */ new Set();
    const partnersOnly = /* @__PURE__ */ new Set();
    const linted = [];
    for (const { input, settings } of files) {
      if (settings.ignored) continue;
      if (input.live) live.add(jobs.length);
      if (input.partnerOnly) partnersOnly.add(jobs.length);
      jobs.push({ id: jobs.length, text: input.text, filePath: input.name, settings, node: nodeFlags(options), spareMemory: input.takeSpareMemory });
      linted.push({ ...input, nodeKey: settings.nodeKey });
    }
    nodePartners(linted).forEach((partners, i) => jobs[i].partners = partners);
    let results;
    try {
      results = (await lintAll(jobs, (done) => progress.update(`linted ${done}/${jobs.length} files`))).map((r, i) => live.has(i) ? { ...r, live: true } : r).filter((_2, i) => !partnersOnly.has(i));
    } finally {
      progress.stop();
    }
    const shown = options.quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === "error") })) : results;
    const run = { endedAt: Date.now(), durationMs: performance.now() - started };
    outputs.forEach((output, i) => {
      const text = formatters[output.format](shown, { cwd: io.cwd, color: i === 0 ? color : false, rules: allRules, version, ...i === 0 ? { ruleDocs } : {}, run });
      if (output.format === "prometheus" && key !== void 0) output.counts = countsOf(shown);
      output.text = text;
    });
    for (const output of outputs) await writeReport(io, output.path, output.text);
    state.exitCode = failed(shown, options) ? ExitCode.Findings : ExitCode.Ok;
    if (key !== void 0) {
      await writeCache(io, cacheFile, key, state.exitCode, outputs.map((o) => o.counts ? { format: o.format, counts: o.counts } : { format: o.format, text: o.text }));
    }
  });
}
async function writeReport(io, path, text) {
  if (path === void 0) io.stdout.write(text);
  else await io.writeFileAtomic(path, Buffer.from(text), { create: true });
}
var rank = { info: 0, warning: 1, error: 2 };
function failed(results, options) {
  const all = results.flatMap((r) => r.diagnostics);
  if (all.some((d) => rank[d.severity] >= rank[options.failureThreshold])) return true;
  return options.maxWarnings !== void 0 && all.filter((d) => d.severity === "warning").length > options.maxWarnings;
}
function collectReport(text, previous) {
  const equals = text.indexOf("=");
  const format = text.slice(0, equals);
  const path = text.slice(equals + 1);
  if (equals < 1 || path === "" || !formatNames.includes(format)) {
    throw new InvalidArgumentError(`expected FORMAT=PATH, FORMAT one of ${formatNames.join(", ")}`);
  }
  return [...previous, { format, path }];
}
function parseCount(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return n;
}

// src/cli/commands/test.ts
import { dirname as dirname5, resolve as resolve4 } from "node:path";

// src/trace/format.ts
var endpoint = (address, port) => {
  const a = address ?? "(unknown address)";
  if (port === null) return a;
  return a.includes(":") ? `[${a}]:${port}` : `${a}:${port}`;
};
function packetText(p) {
  const parts = [`${p.protocol} ${endpoint(p.source, p.sourcePort)} -> ${endpoint(p.destination, p.destinationPort)}`];
  if (p.inInterface !== null) parts.push(`in ${p.inInterface}`);
  if (p.outInterface !== null) parts.push(`out ${p.outInterface}`);
  parts.push(`mark ${p.mark}`);
  return parts.join(" ");
}
function percent(probability) {
  const p = probability * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(1) : p.toPrecision(3)}%`;
}
function outcomeText(o) {
  const chance = o.probability === null ? o.conditions.length > 0 ? "if its conditions hold" : "" : o.probability === 1 ? "" : `probability ${percent(o.probability)}`;
  return `${verdictText(o)}${chance ? `, ${chance}` : ""}${o.reason === void 0 ? "" : ` (${o.reason})`}`;
}
function verdictText(o) {
  if (o.verdict !== "accept") return o.verdict;
  return o.delivery === "local" ? "accept (delivered to the node)" : o.delivery === "forward" ? "accept (forwarded)" : "accept (sent out)";
}
function firstPacketRule(t) {
  const rule = t.firstPacketPath.at(-1);
  return rule === void 0 ? "no rule" : `${rule.filePath}:${rule.line} ${rule.table}/${rule.chain}${rule.target === null ? "" : ` -> ${rule.target}`}`;
}
function formatTraceText(result, header) {
  const lines = [header];
  if (result.files.length === 0) lines.push(`  no file of the packet's family (IPv${result.family}): no rule applies`);
  result.outcomes.forEach((o, k) => {
    lines.push("");
    const chance = o.probability === null ? o.conditions.length > 0 ? "if the conditions hold" : "" : o.probability === 1 ? "" : `probability ${percent(o.probability)}`;
    lines.push(`outcome ${k + 1} of ${result.outcomes.length}: ${verdictText(o)}${chance ? `, ${chance}` : ""}`);
    for (const c of o.conditions) lines.push(`  if ${c}`);
    let policy = 0;
    let translation = 0;
    const policies = () => {
      while (policy < o.policies.length && o.policies[policy].afterStep <= stepIndex) {
        const p = o.policies[policy++];
        lines.push(`  ${p.filePath}${p.line === null ? "" : `:${p.line}`} ${p.table}/${p.chain} policy ${p.policy}`);
      }
      while (translation < o.connectionNat.length && o.connectionNat[translation].afterStep <= stepIndex) {
        const t = o.connectionNat[translation++];
        lines.push(`  nat/${t.hook}: NAT of the connection (its first packet matched ${firstPacketRule(t)})`);
        lines.push(`      now ${packetText(t.after)}`);
      }
    };
    let stepIndex = 0;
    for (const step of o.path) {
      policies();
      lines.push(`  ${step.filePath}:${step.line} ${step.table}/${step.chain}${step.target === null ? "" : ` -> ${step.target}`}`);
      if (step.after !== void 0) lines.push(`      now ${packetText(step.after)}`);
      stepIndex++;
    }
    policies();
    if (o.reason !== void 0) lines.push(`  ${o.reason}`);
    for (const note of o.notes) lines.push(`  note: ${note}`);
    lines.push(`  packet: ${packetText(o.packet)}`);
  });
  return `${lines.join("\n")}
`;
}
function traceJson(result, packet) {
  return {
    packet,
    family: result.family,
    files: result.files,
    outcomes: result.outcomes.map((o) => ({
      verdict: o.verdict,
      delivery: o.delivery,
      probability: o.probability,
      conditions: o.conditions,
      path: o.path.map(({ filePath, line, table, chain, target }) => ({ filePath, line, table, chain, target })),
      policies: o.policies.map(({ filePath, line, table, chain, policy }) => ({ filePath, line, table, chain, policy })),
      packet: o.packet,
      ...o.reason === void 0 ? {} : { reason: o.reason },
      // A later packet's NAT, chosen by its connection's first packet (whose rules are not in `path`).
      ...o.connectionNat.length === 0 ? {} : {
        connectionNat: o.connectionNat.map((t) => ({
          hook: t.hook,
          firstPacketPath: t.firstPacketPath.map(({ filePath, line, table, chain, target }) => ({ filePath, line, table, chain, target })),
          packet: t.after
        }))
      },
      notes: o.notes
    }))
  };
}

// src/cases/check.ts
function checkCases(file, documents, nodeOf, family) {
  const document = detachedDocument(file.text, file.filePath, []);
  const diagnostics = [];
  const report = (range, message, traces) => {
    diagnostics.push({ ruleId: PACKET_ASSERTION, severity: "error", message, range, loc: document.source.locate(range), ...traces ? { trace: traces } : {} });
  };
  for (const c of file.cases) {
    let outcomes;
    try {
      const result = tracePacket(documents, c.packet, nodeOf(c), { family });
      if (result.files.length === 0) {
        report(c.range, `${label(c)}no ruleset of IPv${c.packet.family} was given, so this packet cannot be checked`);
        continue;
      }
      outcomes = result.outcomes;
    } catch (error) {
      if (!(error instanceof TraceError)) throw error;
      report(c.range, `${label(c)}the walk cannot trace this packet: ${error.message}`);
      continue;
    }
    for (const a of c.assertions) {
      const holds = outcomes.map((o) => holdsIn(a, o, c));
      const count = holds.filter(Boolean).length;
      const passed = c.outcomes === "any" ? count > 0 : count === outcomes.length;
      if (passed) continue;
      const failing = outcomes.filter((_, k) => !holds[k]);
      const traces = failing.map(traceOf);
      if (count === 0) report(a.range, `${label(c)}expected ${expected(a)}, but ${failing.length === 1 ? "the packet" : `in every one of its ${failing.length} outcomes it`} ${actual(a, failing)}`, traces);
      else {
        const when = failing[0].conditions.length > 0 ? ` (it does not if ${failing[0].conditions.join(" and ")})` : "";
        report(a.range, `${label(c)}undecided: ${expected(a)} holds in ${count} of ${outcomes.length} outcomes${when}; set \`outcomes: any\` if that is enough`, traces);
      }
    }
  }
  return { filePath: file.filePath, diagnostics, document, size: { rules: file.cases.length, chains: 0 } };
}
var label = (c) => c.name === void 0 ? "" : `${c.name}: `;
function traceOf(o) {
  return {
    outcome: outcomeText(o),
    conditions: o.conditions,
    path: stepsOf(o)
  };
}
function stepsOf(o) {
  const out = [];
  let policy = 0;
  const policies = (upTo) => {
    for (; policy < o.policies.length && o.policies[policy].afterStep <= upTo; policy++) {
      const p = o.policies[policy];
      if (p.line !== null) out.push({ filePath: p.filePath, line: p.line, table: p.table, chain: p.chain, target: `policy ${p.policy}` });
    }
  };
  o.path.forEach(({ filePath, line, table, chain, target }, k) => {
    policies(k);
    out.push({ filePath, line, table, chain, target });
  });
  policies(o.path.length);
  return out;
}
function endpoint2(o, side) {
  return side === "dnat" ? { address: o.packet.destination, port: o.packet.destinationPort } : { address: o.packet.source, port: o.packet.sourcePort };
}
function rewritten(o, side, c) {
  const e = endpoint2(o, side);
  const before = side === "dnat" ? { address: c.packet.destination, port: c.packet.destinationPort } : { address: c.packet.source, port: c.packet.sourcePort };
  return e.address === null || e.address !== canonical(before.address, c) || e.port !== before.port;
}
var canonical = (address, c) => formatAddress(c.packet.family, parseAddress(address).address);
function holdsIn(a, o, c) {
  switch (a.key) {
    case "verdict":
      return o.verdict === a.value;
    case "delivery":
      return o.verdict === "accept" && o.delivery === a.value;
    case "reaches":
      return a.value.every((hook) => o.hooks.includes(hook));
    case "dnat":
    case "snat": {
      if (typeof a.value === "boolean") return rewritten(o, a.key, c) === a.value;
      const e = endpoint2(o, a.key);
      return rewritten(o, a.key, c) && a.value.some((x) => x.address === e.address && (x.port === null || x.port === e.port));
    }
    case "mark": {
      const [value, known] = markOf(o.packet.mark);
      return (known & a.value.mask) >>> 0 === a.value.mask && (value & a.value.mask) >>> 0 === a.value.value;
    }
    case "outInterface":
      return o.packet.outInterface === a.value;
  }
}
var FATES = { accept: "accepted", drop: "dropped", reject: "rejected", queue: "queued" };
function markOf(text) {
  const [value, known] = text.split("/");
  return [Number(value), known === void 0 ? 4294967295 : Number(known)];
}
function expected(a) {
  switch (a.key) {
    case "verdict":
      return `verdict ${a.value}`;
    case "delivery":
      return a.value === "local" ? "delivery to the node" : a.value === "forward" ? "the packet forwarded" : "the packet sent out";
    case "reaches":
      return `it reaches ${a.value.join(" and ")}`;
    case "dnat":
    case "snat":
      if (typeof a.value === "boolean") return `${a.key.toUpperCase()} ${a.value ? "applied" : "not applied"}`;
      return `${a.key.toUpperCase()} to ${a.value.length === 1 ? a.value[0].text : `one of ${a.value.map((x) => x.text).join(", ")}`}`;
    case "mark":
      return `mark ${a.value.text}`;
    case "outInterface":
      return `out by ${a.value}`;
  }
}
function actual(a, outcomes) {
  const texts = [...new Set(outcomes.map((o) => actualOne(a, o)))];
  return texts.length === 1 ? texts[0] : texts.join(" or ");
}
function actualOne(a, o) {
  const verdict = outcomeText(o);
  switch (a.key) {
    case "verdict":
    case "delivery":
      return `is ${FATES[o.verdict]}${verdict.slice(o.verdict.length)}`;
    case "reaches":
      return `reaches ${o.hooks.join(", ") || "no hook"} (${verdict})`;
    case "dnat":
    case "snat": {
      const e = endpoint2(o, a.key);
      const address = e.address === null ? "an address the node's files do not tell" : e.address;
      return `its ${a.key === "dnat" ? "destination" : "source"} is ${e.port === null ? address : address.includes(":") ? `[${address}]:${e.port}` : `${address}:${e.port}`} (${verdict})`;
    }
    case "mark":
      return `leaves with mark ${o.packet.mark} (${verdict})`;
    case "outInterface":
      return `leaves by ${o.packet.outInterface ?? "no interface"} (${verdict})`;
  }
}

// src/cases/iptlint-cases.schema.json
var iptlint_cases_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/iptlint/iptlint/blob/main/src/cases/iptlint-cases.schema.json",
  title: "iptlint packet cases",
  description: "Packets and what the ruleset must do to them, checked by `iptlint test FILE... --cases THIS_FILE`.",
  type: "object",
  additionalProperties: false,
  required: ["cases"],
  properties: {
    $schema: {
      type: "string",
      description: "This schema, for editor completion."
    },
    node: {
      $ref: "#/definitions/node",
      description: "What is known of the node, for every case: its addresses, routes and ipsets (over the command line's --local, --route, --addresses, --routes, --ipset, key by key)."
    },
    cases: {
      type: "array",
      minItems: 1,
      items: {
        $ref: "#/definitions/case"
      }
    }
  },
  definitions: {
    strings: {
      anyOf: [
        { type: "string", minLength: 1 },
        { type: "array", minItems: 1, items: { type: "string", minLength: 1 } }
      ]
    },
    node: {
      type: "object",
      additionalProperties: false,
      properties: {
        local: {
          $ref: "#/definitions/strings",
          description: "The node's own addresses (as --local): `10.0.0.5` or a list."
        },
        route: {
          $ref: "#/definitions/strings",
          description: "The node's routes (as --route): `CIDR dev IFACE [via GW] [src ADDR]`, or a list of them."
        },
        addresses: {
          type: "string",
          minLength: 1,
          description: "A file of `ip -j addr` output, relative to this file's folder (as --addresses)."
        },
        routes: {
          $ref: "#/definitions/strings",
          description: "Files of `ip -4 -j route show table all` (and `ip -6 -j route show table all`) output, relative to this file's folder (as --routes)."
        },
        ipRules: {
          type: "string",
          minLength: 1,
          description: "A file of `ip -4 -j rule` output (policy routing: fwmark, from, to), relative to this file's folder (as --ip-rules)."
        },
        ip6Rules: {
          type: "string",
          minLength: 1,
          description: "A file of `ip -6 -j rule` output, relative to this file's folder (as --ip6-rules)."
        },
        ipset: {
          type: "string",
          minLength: 1,
          description: "A file of `ipset save` output, relative to this file's folder (as --ipset)."
        }
      }
    },
    mark: {
      description: "A 32-bit mark: `0x4000`, `16384`, or `value/mask` to check only the mask's bits.",
      anyOf: [
        { type: "integer", minimum: 0, maximum: 4294967295 },
        { type: "string", pattern: "^(0[xX][0-9a-fA-F]{1,8}|[0-9]{1,10})(/(0[xX][0-9a-fA-F]{1,8}|[0-9]{1,10}))?$" }
      ]
    },
    nat: {
      description: "true: rewritten; false: not rewritten; an address (`10.244.1.5`, `10.244.1.5:8080`, `[fd00::5]:8080`) or a list of them: rewritten to one of these.",
      anyOf: [
        { type: "boolean" },
        { $ref: "#/definitions/strings" }
      ]
    },
    hook: {
      enum: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"]
    },
    case: {
      type: "object",
      additionalProperties: false,
      required: ["packet", "expect"],
      properties: {
        name: {
          type: "string",
          description: "What the case checks, for people."
        },
        packet: {
          type: "string",
          minLength: 1,
          description: "The packet, as `iptlint trace --packet` spells it: `tcp 10.0.0.9:40000 -> 10.96.0.10:53 in eth0`, `... out` for one the node sends."
        },
        state: {
          enum: ["new", "established", "related", "invalid"],
          description: "The packet's connection state (default new: a connection's first packet)."
        },
        mark: {
          $ref: "#/definitions/mark",
          description: "The packet's mark as it arrives (default 0)."
        },
        node: {
          $ref: "#/definitions/node",
          description: "What is known of the node for this case, over the file's `node`, key by key."
        },
        outcomes: {
          enum: ["all", "any"],
          description: "When the walk gives several outcomes (a random pick, a match it cannot decide): `all` (default) needs every expectation to hold in every outcome, `any` in at least one."
        },
        expect: {
          $ref: "#/definitions/expect"
        }
      }
    },
    expect: {
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      description: "What must hold of the packet's outcome; each key is one assertion.",
      properties: {
        verdict: {
          enum: ["accept", "drop", "reject", "queue"],
          description: "The packet's fate: accept (delivered, forwarded or sent out), drop, reject, queue (NFQUEUE)."
        },
        delivery: {
          enum: ["local", "forward", "out"],
          description: "Accepted and delivered to the node (local), forwarded, or sent out by the node (out)."
        },
        reaches: {
          description: "The hooks the packet enters, whatever its verdict after (INPUT: it is routed to the node).",
          anyOf: [
            { $ref: "#/definitions/hook" },
            { type: "array", minItems: 1, items: { $ref: "#/definitions/hook" } }
          ]
        },
        dnat: {
          $ref: "#/definitions/nat",
          description: "Whether its destination is rewritten (DNAT, REDIRECT, NETMAP), or to which address and port."
        },
        snat: {
          $ref: "#/definitions/nat",
          description: "Whether its source is rewritten (SNAT, MASQUERADE, NETMAP), or to which address and port."
        },
        mark: {
          $ref: "#/definitions/mark",
          description: "The mark the packet leaves with."
        },
        outInterface: {
          type: "string",
          minLength: 1,
          description: "The interface it leaves by."
        }
      }
    }
  }
};

// src/cases/load.ts
var CasesError = class extends Error {
};
var ajvModule = lazyModule("ajv");
var yaml = lazyModule("yaml");
var validator;
function loadCases(text, filePath) {
  const lineCounter = new (yaml()).LineCounter();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${filePath}:${line}:${col}`;
  };
  const [syntax] = doc.errors;
  if (syntax !== void 0) throw new CasesError(`${at(syntax.pos[0])}: ${yamlMessage(syntax.message)}`);
  const data = doc.toJS();
  validator ??= new (ajvModule()).Ajv({ allErrors: true, verbose: true }).compile(iptlint_cases_schema_default);
  if (!validator(data)) {
    const error = pickError(validator.errors ?? []);
    const { range, message } = describe(error, doc);
    throw new CasesError(`${at(range.start)}: ${message}`);
  }
  const root = doc.contents;
  const fileNode = readNode(doc, ["node"]);
  const cases = [];
  const raw = data.cases;
  raw.forEach((c, index) => {
    const path = ["cases", index];
    const range = rangeOf(doc.getIn(path, true)) ?? rangeOf(root);
    const packetNode = doc.getIn([...path, "packet"], true);
    const packetText2 = c.packet;
    let packet;
    try {
      packet = parsePacket(packetText2);
    } catch (error) {
      if (!(error instanceof PacketSyntaxError)) throw error;
      throw new CasesError(`${at(scalarStart(packetNode, text) + error.column - 1)}: \`packet\`: ${error.reason}`);
    }
    packet.state = c.state ?? "new";
    if (c.mark !== void 0) packet.mark = readMark(c.mark, at(pairRangeOf(doc, path, "mark")?.start ?? range.start)).value;
    const assertions = [];
    const expect = c.expect;
    for (const key of Object.keys(expect)) {
      const pairRange = pairRangeOf(doc, [...path, "expect"], key) ?? range;
      const value = expect[key];
      const located = (a) => ({ ...a, range: pairRange });
      switch (key) {
        case "verdict":
        case "delivery":
        case "outInterface":
          assertions.push(located({ key, value }));
          break;
        case "reaches":
          assertions.push(located({ key, value: Array.isArray(value) ? value : [value] }));
          break;
        case "mark":
          assertions.push(located({ key, value: readMark(value, at(pairRange.start)) }));
          break;
        case "dnat":
        case "snat": {
          const check = readNat(value, packet.family);
          if (typeof check === "string") throw new CasesError(`${at(pairRange.start)}: \`${key}\`: ${check}`);
          assertions.push(located({ key, value: check }));
          break;
        }
      }
    }
    cases.push({
      name: c.name,
      index,
      range,
      packetText: packetText2,
      packet,
      outcomes: c.outcomes ?? "all",
      node: { ...fileNode, ...readNode(doc, [...path, "node"]) },
      assertions
    });
  });
  return { filePath, text, cases };
}
var yamlMessage = (message) => message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
function rangeOf(node) {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : void 0;
}
function pairRangeOf(doc, path, key) {
  const map = doc.getIn(path, true);
  if (!yaml().isMap(map)) return void 0;
  const pair = map.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && p.key.value === key);
  if (pair === void 0) return void 0;
  const k = rangeOf(pair.key);
  const v = rangeOf(pair.value);
  return k ? { start: k.start, end: v?.end ?? k.end } : void 0;
}
function scalarStart(node, text) {
  const start = node.range[0];
  return text[start] === '"' || text[start] === "'" ? start + 1 : start;
}
function readNode(doc, path) {
  const map = doc.getIn(path, true);
  if (!yaml().isMap(map)) return {};
  const out = {};
  for (const pair of map.items) {
    if (!yaml().isScalar(pair.key)) continue;
    const key = pair.key.value;
    const value = pair.value.toJSON();
    const range = { start: rangeOf(pair.key).start, end: rangeOf(pair.value)?.end ?? rangeOf(pair.key).end };
    const list = Array.isArray(value) ? value : [value];
    if (key === "addresses" || key === "ipset" || key === "ipRules" || key === "ip6Rules") out[key] = { value, range };
    else out[key] = { value: list, range };
  }
  return out;
}
function readMark(value, where2) {
  if (typeof value === "number") return { value, mask: 4294967295, text: `0x${value.toString(16)}` };
  const [v, m] = value.split("/").map((part) => Number(part));
  if (!(v <= 4294967295) || m !== void 0 && !(m <= 4294967295)) throw new CasesError(`${where2}: \`mark\`: ${value} is more than 32 bits`);
  const mask = m ?? 4294967295;
  return { value: (v & mask) >>> 0, mask, text: value };
}
function readNat(value, family) {
  if (typeof value === "boolean") return value;
  const out = [];
  for (const text of Array.isArray(value) ? value : [value]) {
    const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text) ?? (text.split(":").length === 2 ? /^([^:]+):(\d{1,5})$/.exec(text) : /^([^\s]+)()$/.exec(text));
    const address = m?.[1];
    const port = m?.[2] ? Number(m[2]) : null;
    const parsed = address === void 0 ? null : parseAddress(address);
    if (parsed === null || parsed.family !== family || port !== null && port > 65535) return `"${text}" is not an address or ADDRESS:PORT (IPv6: [ADDRESS]:PORT) of the packet's family`;
    out.push({ address: formatAddress(family, parsed.address), port, text });
  }
  return out;
}
function pickError(errors) {
  const useful = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "if");
  const pool = useful.length > 0 ? useful : errors;
  const rank2 = (e) => e.instancePath.split("/").length * 3 + (e.keyword === "additionalProperties" ? 2 : e.keyword === "type" ? 0 : 1);
  return pool.reduce((best, e) => rank2(e) > rank2(best) ? e : best, pool[0]);
}
var segmentsOf = (pointer) => pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
function keyPath(segments) {
  let path = "";
  for (const s of segments) path += typeof s === "number" ? `[${s}]` : path === "" ? s : `.${s}`;
  return path;
}
var typeName = (value) => value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a mapping" : `a ${typeof value}`;
function describe(error, doc) {
  const segments = segmentsOf(error.instancePath);
  const node = segments.length === 0 ? doc.contents : doc.getIn(segments, true);
  const range = rangeOf(node) ?? { start: 0, end: 0 };
  const where2 = segments.length === 0 ? "the cases file" : `\`${keyPath(segments)}\``;
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = params.additionalProperty;
      const known = Object.keys(error.parentSchema?.properties ?? {});
      const guess = nearest(key, known);
      const keyRange = pairRangeOf(doc, segments, key) ?? range;
      return { range: keyRange, message: `unknown key \`${key}\` in ${where2}${guess ? `: did you mean \`${guess}\`?` : ""} (known keys: ${known.join(", ")})` };
    }
    case "required":
      return { range, message: `${where2} has no \`${params.missingProperty}\`` };
    case "enum": {
      const allowed = params.allowedValues.map(String);
      const guess = typeof error.data === "string" ? nearest(error.data, allowed) : void 0;
      return { range, message: `${where2} must be one of ${allowed.join(", ")}${guess ? `: did you mean \`${guess}\`?` : ` (got \`${String(error.data)}\`)`}` };
    }
    case "type":
      return { range, message: `${where2} must be ${params.type === "object" ? "a mapping" : params.type === "array" ? "a list" : `a ${params.type}`}, not ${typeName(error.data)}` };
    case "minItems":
      return { range, message: `${where2} must list at least ${params.limit} item${params.limit === 1 ? "" : "s"}` };
    case "minProperties":
      return { range, message: `${where2} must say what to expect (verdict, delivery, reaches, dnat, snat, mark, outInterface)` };
    case "minLength":
      return { range, message: `${where2} must not be empty` };
    case "pattern":
      return { range, message: `${where2} is not a 32-bit mark such as 0x4000 or 0x4000/0x4000` };
    default:
      return { range, message: `${where2} ${error.message ?? "is invalid"}` };
  }
}

// src/trace/trace.ts
function trace(documents, packet, node, options) {
  const input = typeof packet === "string" ? parsePacket(packet) : packet;
  const info = node instanceof NodeInfo ? node : new NodeInfo(node ?? {});
  return tracePacket(Array.isArray(documents) ? documents : [documents], input, info, options);
}

// src/cli/commands/trace.ts
var collect = (value, previous) => [...previous ?? [], value];
function registerTrace(program2, io, state) {
  program2.command("trace").description("trace a packet through the rulesets as the kernel walks it (hooks, tables, NAT, marks, connection state)").argument("<files...>", "iptables-save / ip6tables-save dumps of one node; - reads standard input").requiredOption("--packet <packet>", 'the packet: "tcp 10.0.0.9:40000 -> 10.96.0.10:53 in eth0" (or "out" for one the node sends; icmp ... type echo-request)').option("--addresses <file>", "the node's addresses: `ip -j addr` output").option("--routes <file>", "the node's routes: `ip -4 -j route show table all` output (repeat for `ip -6 ...`)", collect).option("--ip-rules <file>", "the node's policy routing rules: `ip -4 -j rule` output").option("--ip6-rules <file>", "the node's IPv6 policy routing rules: `ip -6 -j rule` output").option("--ipset <file>", "the node's ipsets: `ipset save` output").option("--local <addresses>", "addresses of the node, comma-separated (repeatable)", collect).option("--route <route>", 'a route of the node: "CIDR dev IFACE [via GW]" (repeatable)', collect).addOption(new Option("--state <state>", "the packet's connection state").choices(["new", "established", "related", "invalid"]).default("new")).option("--mark <value>", "the packet's mark as it arrives (0x4000)").addOption(new Option("--family <family>", "the files' family when their headers and names do not tell").choices(["4", "6"])).addOption(new Option("-f, --format <format>", "text or json").choices(["text", "json"]).default("text")).option("--stdin-filename <name>", "the name to report for standard input", "<stdin>").action(async (files, options) => {
    let packet;
    try {
      packet = parsePacket(options.packet);
    } catch (error) {
      if (error instanceof PacketSyntaxError) throw new UsageError(`--packet: ${error.message}`);
      throw error;
    }
    packet.state = options.state;
    if (options.mark !== void 0) {
      const mark = /^(0x[0-9a-f]{1,8}|\d{1,10})$/i.test(options.mark) ? Number(options.mark) : NaN;
      if (!(mark >= 0 && mark <= 4294967295)) throw new UsageError(`--mark: "${options.mark}" is not a 32-bit number (0x4000, 16384)`);
      packet.mark = mark;
    }
    const node = await readNode2(options, io);
    const inputs = await readInputs(files, options.stdinFilename, io);
    const documents = inputs.map((input) => parse(input.text, { filePath: input.name }));
    const broken = documents.filter((d) => d.diagnostics.some((x) => x.ruleId === SYNTAX));
    if (broken.length > 0) {
      io.stderr.write(formatStylish(broken.map((document) => ({ filePath: document.filePath ?? "<input>", diagnostics: document.diagnostics.filter((x) => x.ruleId === SYNTAX), document }))));
      state.exitCode = ExitCode.Findings;
      return;
    }
    let result;
    try {
      result = trace(documents, packet, node, { family: options.family === void 0 ? void 0 : options.family === "6" ? 6 : 4 });
    } catch (error) {
      if (error instanceof TraceError) throw new UsageError(error.message);
      throw error;
    }
    if (options.format === "json") io.stdout.write(`${JSON.stringify(traceJson(result, options.packet), null, 2)}
`);
    else io.stdout.write(formatTraceText(result, `${options.packet}${options.state === "new" ? "" : ` (${options.state})`}`));
  });
}
async function readNode2(options, io) {
  const json2 = async (flag, path) => {
    const text = await readText(flag, path, io);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${flag} ${path}: not JSON (${error.message})`);
    }
  };
  const input = { local: options.local, route: options.route };
  if (options.addresses !== void 0) input.addresses = await json2("--addresses", options.addresses);
  if (options.routes !== void 0) input.routes = await Promise.all(options.routes.map((r) => json2("--routes", r)));
  if (options.ipRules !== void 0) input.rules4 = await json2("--ip-rules", options.ipRules);
  if (options.ip6Rules !== void 0) input.rules6 = await json2("--ip6-rules", options.ip6Rules);
  if (options.ipset !== void 0) input.ipset = await readText("--ipset", options.ipset, io);
  try {
    return new NodeInfo(input);
  } catch (error) {
    if (error instanceof NodeInputError) throw new UsageError(error.message);
    throw error;
  }
}
async function readText(flag, path, io) {
  try {
    return (await io.readFile(path)).toString("utf8");
  } catch (error) {
    const reason = error.code === "ENOENT" ? "no such file" : error.message;
    throw new UnreadableInput(`${flag}: cannot read ${path}: ${reason}`);
  }
}

// src/cli/commands/test.ts
var collect2 = (value, previous) => [...previous ?? [], value];
function registerTest(program2, io, state) {
  program2.command("test").description("check packet cases (a YAML file of packets and what must happen to them) against the rulesets, for CI").argument("<files...>", "iptables-save / ip6tables-save dumps of one node; - reads standard input").requiredOption("--cases <file>", "the cases: a YAML file (see `iptlint init --cases`); repeatable", collect2).option("--addresses <file>", "the node's addresses: `ip -j addr` output (a case file's `node` wins)").option("--routes <file>", "the node's routes: `ip -4 -j route show table all` output (repeatable)", collect2).option("--ip-rules <file>", "the node's policy routing rules: `ip -4 -j rule` output").option("--ip6-rules <file>", "the node's IPv6 policy routing rules: `ip -6 -j rule` output").option("--ipset <file>", "the node's ipsets: `ipset save` output").option("--local <addresses>", "addresses of the node, comma-separated (repeatable)", collect2).option("--route <route>", 'a route of the node: "CIDR dev IFACE [via GW]" (repeatable)', collect2).addOption(new Option("--family <family>", "the files' family when their headers and names do not tell").choices(["4", "6"])).addOption(new Option("-f, --format <format>", "report format").choices(formatNames).default("stylish")).option("-o, --output-file <path>", "write the report to this file instead of standard output").option("--color", "colour the report even when not on a terminal").option("--no-color", "never colour the report").option("--stdin-filename <name>", "the name to report for standard input", "<stdin>").action(async (files, options) => {
    const caseFiles = [];
    for (const path of options.cases) {
      const text = await readText("--cases", path, io);
      try {
        caseFiles.push(loadCases(text, path));
      } catch (error) {
        if (error instanceof CasesError) throw new UsageError(error.message);
        throw error;
      }
    }
    const base = {};
    const flag = (value) => value === void 0 ? void 0 : { value, dir: io.cwd };
    base.local = flag(options.local);
    base.route = flag(options.route);
    base.addresses = flag(options.addresses);
    base.routes = flag(options.routes);
    base.ipset = flag(options.ipset);
    base.ipRules = flag(options.ipRules);
    base.ip6Rules = flag(options.ip6Rules);
    const inputs = await readInputs(files, options.stdinFilename, io);
    const documents = inputs.map((input) => parse(input.text, { filePath: input.name }));
    const results = [];
    const broken = documents.filter((d) => d.diagnostics.some((x) => x.ruleId === SYNTAX));
    if (broken.length > 0) {
      for (const document of broken) results.push({ filePath: document.filePath, diagnostics: document.diagnostics.filter((x) => x.ruleId === SYNTAX), document });
    } else {
      const nodes = new NodeCache(io);
      for (const file of caseFiles) {
        const dir = dirname5(resolve4(io.cwd, file.filePath));
        const specs = /* @__PURE__ */ new Map();
        for (const c of file.cases) {
          const spec = { ...base };
          for (const [key, placed] of Object.entries(c.node)) {
            spec[key] = { value: placed.value, dir, where: where(file.text, file.filePath, placed.range) };
          }
          specs.set(c, spec);
          await nodes.prepare(spec);
        }
        results.push(checkCases(file, documents, (c) => nodes.get(specs.get(c)), options.family === void 0 ? void 0 : options.family === "6" ? 6 : 4));
      }
    }
    const color = options.outputFile === void 0 && useColor(io.stdout, io.env, options.color);
    const report = formatters[options.format](results, { cwd: io.cwd, color, rules: allRules, version });
    if (options.outputFile === void 0) io.stdout.write(report);
    else await io.writeFileAtomic(options.outputFile, Buffer.from(report), { create: true });
    state.exitCode = results.some((r) => r.diagnostics.length > 0) ? ExitCode.Findings : ExitCode.Ok;
  });
}
function where(text, filePath, range) {
  const before = text.slice(0, range.start);
  const line = before.split("\n").length;
  return `${filePath}:${line}:${range.start - before.lastIndexOf("\n")}`;
}
var NodeCache = class {
  constructor(io) {
    this.io = io;
    this.texts = /* @__PURE__ */ new Map();
    this.nodes = /* @__PURE__ */ new Map();
  }
  path(fact, file) {
    return resolve4(fact.dir, file);
  }
  async read(fact, file, name) {
    const path = this.path(fact, file);
    if (this.texts.has(path)) return;
    try {
      this.texts.set(path, (await this.io.readFile(path)).toString("utf8"));
    } catch (error) {
      const reason = error.code === "ENOENT" ? "no such file" : error.message;
      throw new UnreadableInput(`${fact.where === void 0 ? `--${name}` : `${fact.where}: \`${name}\``}: cannot read ${file}: ${reason}`);
    }
  }
  /** Reads the files a spec names and builds its node (errors at the fact's place). */
  async prepare(spec) {
    const key = JSON.stringify(spec);
    if (this.nodes.has(key)) return;
    if (spec.addresses) await this.read(spec.addresses, spec.addresses.value, "addresses");
    if (spec.ipset) await this.read(spec.ipset, spec.ipset.value, "ipset");
    if (spec.ipRules) await this.read(spec.ipRules, spec.ipRules.value, "ipRules");
    if (spec.ip6Rules) await this.read(spec.ip6Rules, spec.ip6Rules.value, "ip6Rules");
    for (const file of spec.routes?.value ?? []) await this.read(spec.routes, file, "routes");
    const json2 = (fact, file, name) => {
      try {
        return JSON.parse(this.texts.get(this.path(fact, file)));
      } catch (error) {
        throw new UsageError(`${fact.where === void 0 ? `--${name}` : `${fact.where}: \`${name}\``}: ${file} is not JSON (${error.message})`);
      }
    };
    const input = { local: spec.local?.value, route: spec.route?.value };
    if (spec.addresses) input.addresses = json2(spec.addresses, spec.addresses.value, "addresses");
    if (spec.routes) input.routes = spec.routes.value.map((file) => json2(spec.routes, file, "routes"));
    if (spec.ipset) input.ipset = this.texts.get(this.path(spec.ipset, spec.ipset.value));
    if (spec.ipRules) input.rules4 = json2(spec.ipRules, spec.ipRules.value, "ipRules");
    if (spec.ip6Rules) input.rules6 = json2(spec.ip6Rules, spec.ip6Rules.value, "ip6Rules");
    try {
      this.nodes.set(key, new NodeInfo(input));
    } catch (error) {
      if (!(error instanceof NodeInputError)) throw error;
      const at = Object.values(spec).find((f) => f?.where !== void 0)?.where;
      throw new UsageError(at === void 0 ? error.message : `${at}: ${error.message}`);
    }
  }
  get(spec) {
    return this.nodes.get(JSON.stringify(spec));
  }
};

// src/cli/main.ts
var HELP_CODES = /* @__PURE__ */ new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);
async function main(argv, io) {
  const state = { exitCode: ExitCode.Ok };
  const options = argv.slice(0, argv.includes("--") ? argv.indexOf("--") : argv.length);
  if (options.includes("--version") || options.includes("-v")) {
    io.stdout.write(`${version}
`);
    return ExitCode.Ok;
  }
  const program2 = new Command("iptlint").description("Lint iptables rulesets: iptables-save output, iptables -S output and iptables-restore input.").version(version, "-v, --version", "print the version").helpOption("-h, --help", "print this help").exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text)
  }).showSuggestionAfterError(true);
  for (const register of [registerLint, registerFix, registerFmt, registerRules, registerExplain, registerInit, registerPrintConfig, registerTrace, registerTest]) {
    register(program2, io, state);
  }
  try {
    await program2.parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return HELP_CODES.has(error.code) ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`iptlint: ${error.message}
`);
      return ExitCode.Config;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`iptlint: ${error.message}
`);
      return ExitCode.Usage;
    }
    if (error instanceof UnreadableInput || error instanceof UnwritableFile) {
      io.stderr.write(`iptlint: ${error.message}
`);
      return ExitCode.Unreadable;
    }
    const detail = error instanceof Error ? io.env.IPTLINT_DEBUG ? error.stack : error.message : String(error);
    io.stderr.write(`iptlint: internal error: ${detail}
This is a bug in iptlint; please report it.
`);
    return ExitCode.Internal;
  }
}

export {
  unifiedDiff,
  restoreText,
  livePatch,
  formatStylish,
  ExitCode,
  readInputs,
  expandPaths,
  nodePartners,
  settingsFor,
  formatters,
  formatNames,
  lintHere,
  formatTraceText,
  traceJson,
  trace,
  main
};
