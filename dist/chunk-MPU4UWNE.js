import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-ZRTPLJCV.js";

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports2) {
    "use strict";
    exports2.__esModule = true;
    exports2.distance = exports2.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq2 = peq[b.charCodeAt(i)];
        var xv = eq2 | mv;
        eq2 |= (eq2 & pv) + pv ^ pv;
        mv |= ~(eq2 | pv);
        pv &= eq2;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq2 = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq2 | mv_1;
          var xh = ((eq2 | mb) & pv_1) + pv_1 ^ pv_1 | eq2 | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq2 = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq2 | mv;
        var xh = ((eq2 | mb) & pv) + pv ^ pv | eq2 | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance2 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports2.distance = distance2;
    var closest = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance2(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports2.closest = closest;
  }
});

// grammar/values.ts
var HEX = /^0[xX][0-9a-fA-F]+$/;
var OCTAL = /^0[0-7]*$/;
var DECIMAL = /^[1-9][0-9]*$/;
function parseUint32(text) {
  let value;
  if (HEX.test(text)) value = parseInt(text.slice(2), 16);
  else if (OCTAL.test(text)) value = parseInt(text, 8);
  else if (DECIMAL.test(text)) value = parseInt(text, 10);
  else return null;
  return value <= 4294967295 ? value : null;
}
function parseValueMask(text) {
  const slash = text.indexOf("/");
  const value = parseUint32(slash === -1 ? text : text.slice(0, slash));
  const mask = slash === -1 ? 4294967295 : parseUint32(text.slice(slash + 1));
  if (value === null || mask === null) return null;
  return { value, mask };
}
function parseCounter(text) {
  return /^[0-9]+$/.test(text) ? BigInt(text) : null;
}
var SCANS_NUMBER = /^[ \t\n\v\f\r]*[+-]?[0-9]/;
function ruleCountersRefused(text, start, end) {
  const line = text.slice(start, end);
  if (line.indexOf("]") === -1) return true;
  let at = 1;
  while (at < line.length && line[at] === ":") at++;
  if (at >= line.length) return true;
  const colon = line.indexOf(":", at);
  if (colon === -1) return true;
  const packets = line.slice(at, colon);
  let from = colon + 1;
  while (from < line.length && line[from] === "]") from++;
  if (from >= line.length) return true;
  const close = line.indexOf("]", from);
  const bytes = line.slice(from, close === -1 ? line.length : close);
  return !SCANS_NUMBER.test(packets) || !SCANS_NUMBER.test(bytes);
}
function declarationCountersRefused(text, start, end) {
  return !/^\[[ \t\n\v\f\r]*[+-]?[0-9]+:[ \t\n\v\f\r]*[+-]?[0-9]/.test(text.slice(start, end));
}

// node_modules/lodash-es/_freeGlobal.js
var freeGlobal = typeof global == "object" && global && global.Object === Object && global;
var freeGlobal_default = freeGlobal;

// node_modules/lodash-es/_root.js
var freeSelf = typeof self == "object" && self && self.Object === Object && self;
var root = freeGlobal_default || freeSelf || Function("return this")();
var root_default = root;

// node_modules/lodash-es/_Symbol.js
var Symbol2 = root_default.Symbol;
var Symbol_default = Symbol2;

// node_modules/lodash-es/_getRawTag.js
var objectProto = Object.prototype;
var hasOwnProperty = objectProto.hasOwnProperty;
var nativeObjectToString = objectProto.toString;
var symToStringTag = Symbol_default ? Symbol_default.toStringTag : void 0;
function getRawTag(value) {
  var isOwn = hasOwnProperty.call(value, symToStringTag), tag = value[symToStringTag];
  try {
    value[symToStringTag] = void 0;
    var unmasked = true;
  } catch (e) {
  }
  var result = nativeObjectToString.call(value);
  if (unmasked) {
    if (isOwn) {
      value[symToStringTag] = tag;
    } else {
      delete value[symToStringTag];
    }
  }
  return result;
}
var getRawTag_default = getRawTag;

// node_modules/lodash-es/_objectToString.js
var objectProto2 = Object.prototype;
var nativeObjectToString2 = objectProto2.toString;
function objectToString(value) {
  return nativeObjectToString2.call(value);
}
var objectToString_default = objectToString;

// node_modules/lodash-es/_baseGetTag.js
var nullTag = "[object Null]";
var undefinedTag = "[object Undefined]";
var symToStringTag2 = Symbol_default ? Symbol_default.toStringTag : void 0;
function baseGetTag(value) {
  if (value == null) {
    return value === void 0 ? undefinedTag : nullTag;
  }
  return symToStringTag2 && symToStringTag2 in Object(value) ? getRawTag_default(value) : objectToString_default(value);
}
var baseGetTag_default = baseGetTag;

// node_modules/lodash-es/isObjectLike.js
function isObjectLike(value) {
  return value != null && typeof value == "object";
}
var isObjectLike_default = isObjectLike;

// node_modules/lodash-es/isSymbol.js
var symbolTag = "[object Symbol]";
function isSymbol(value) {
  return typeof value == "symbol" || isObjectLike_default(value) && baseGetTag_default(value) == symbolTag;
}
var isSymbol_default = isSymbol;

// node_modules/lodash-es/_arrayMap.js
function arrayMap(array, iteratee) {
  var index = -1, length = array == null ? 0 : array.length, result = Array(length);
  while (++index < length) {
    result[index] = iteratee(array[index], index, array);
  }
  return result;
}
var arrayMap_default = arrayMap;

// node_modules/lodash-es/isArray.js
var isArray = Array.isArray;
var isArray_default = isArray;

// node_modules/lodash-es/_baseToString.js
var INFINITY = 1 / 0;
var symbolProto = Symbol_default ? Symbol_default.prototype : void 0;
var symbolToString = symbolProto ? symbolProto.toString : void 0;
function baseToString(value) {
  if (typeof value == "string") {
    return value;
  }
  if (isArray_default(value)) {
    return arrayMap_default(value, baseToString) + "";
  }
  if (isSymbol_default(value)) {
    return symbolToString ? symbolToString.call(value) : "";
  }
  var result = value + "";
  return result == "0" && 1 / value == -INFINITY ? "-0" : result;
}
var baseToString_default = baseToString;

// node_modules/lodash-es/_trimmedEndIndex.js
var reWhitespace = /\s/;
function trimmedEndIndex(string) {
  var index = string.length;
  while (index-- && reWhitespace.test(string.charAt(index))) {
  }
  return index;
}
var trimmedEndIndex_default = trimmedEndIndex;

// node_modules/lodash-es/_baseTrim.js
var reTrimStart = /^\s+/;
function baseTrim(string) {
  return string ? string.slice(0, trimmedEndIndex_default(string) + 1).replace(reTrimStart, "") : string;
}
var baseTrim_default = baseTrim;

// node_modules/lodash-es/isObject.js
function isObject(value) {
  var type = typeof value;
  return value != null && (type == "object" || type == "function");
}
var isObject_default = isObject;

// node_modules/lodash-es/toNumber.js
var NAN = 0 / 0;
var reIsBadHex = /^[-+]0x[0-9a-f]+$/i;
var reIsBinary = /^0b[01]+$/i;
var reIsOctal = /^0o[0-7]+$/i;
var freeParseInt = parseInt;
function toNumber(value) {
  if (typeof value == "number") {
    return value;
  }
  if (isSymbol_default(value)) {
    return NAN;
  }
  if (isObject_default(value)) {
    var other = typeof value.valueOf == "function" ? value.valueOf() : value;
    value = isObject_default(other) ? other + "" : other;
  }
  if (typeof value != "string") {
    return value === 0 ? value : +value;
  }
  value = baseTrim_default(value);
  var isBinary = reIsBinary.test(value);
  return isBinary || reIsOctal.test(value) ? freeParseInt(value.slice(2), isBinary ? 2 : 8) : reIsBadHex.test(value) ? NAN : +value;
}
var toNumber_default = toNumber;

// node_modules/lodash-es/toFinite.js
var INFINITY2 = 1 / 0;
var MAX_INTEGER = 17976931348623157e292;
function toFinite(value) {
  if (!value) {
    return value === 0 ? value : 0;
  }
  value = toNumber_default(value);
  if (value === INFINITY2 || value === -INFINITY2) {
    var sign = value < 0 ? -1 : 1;
    return sign * MAX_INTEGER;
  }
  return value === value ? value : 0;
}
var toFinite_default = toFinite;

// node_modules/lodash-es/toInteger.js
function toInteger(value) {
  var result = toFinite_default(value), remainder = result % 1;
  return result === result ? remainder ? result - remainder : result : 0;
}
var toInteger_default = toInteger;

// node_modules/lodash-es/identity.js
function identity(value) {
  return value;
}
var identity_default = identity;

// node_modules/lodash-es/isFunction.js
var asyncTag = "[object AsyncFunction]";
var funcTag = "[object Function]";
var genTag = "[object GeneratorFunction]";
var proxyTag = "[object Proxy]";
function isFunction(value) {
  if (!isObject_default(value)) {
    return false;
  }
  var tag = baseGetTag_default(value);
  return tag == funcTag || tag == genTag || tag == asyncTag || tag == proxyTag;
}
var isFunction_default = isFunction;

// node_modules/lodash-es/_coreJsData.js
var coreJsData = root_default["__core-js_shared__"];
var coreJsData_default = coreJsData;

// node_modules/lodash-es/_isMasked.js
var maskSrcKey = (function() {
  var uid = /[^.]+$/.exec(coreJsData_default && coreJsData_default.keys && coreJsData_default.keys.IE_PROTO || "");
  return uid ? "Symbol(src)_1." + uid : "";
})();
function isMasked(func) {
  return !!maskSrcKey && maskSrcKey in func;
}
var isMasked_default = isMasked;

// node_modules/lodash-es/_toSource.js
var funcProto = Function.prototype;
var funcToString = funcProto.toString;
function toSource(func) {
  if (func != null) {
    try {
      return funcToString.call(func);
    } catch (e) {
    }
    try {
      return func + "";
    } catch (e) {
    }
  }
  return "";
}
var toSource_default = toSource;

// node_modules/lodash-es/_baseIsNative.js
var reRegExpChar = /[\\^$.*+?()[\]{}|]/g;
var reIsHostCtor = /^\[object .+?Constructor\]$/;
var funcProto2 = Function.prototype;
var objectProto3 = Object.prototype;
var funcToString2 = funcProto2.toString;
var hasOwnProperty2 = objectProto3.hasOwnProperty;
var reIsNative = RegExp(
  "^" + funcToString2.call(hasOwnProperty2).replace(reRegExpChar, "\\$&").replace(/hasOwnProperty|(function).*?(?=\\\()| for .+?(?=\\\])/g, "$1.*?") + "$"
);
function baseIsNative(value) {
  if (!isObject_default(value) || isMasked_default(value)) {
    return false;
  }
  var pattern = isFunction_default(value) ? reIsNative : reIsHostCtor;
  return pattern.test(toSource_default(value));
}
var baseIsNative_default = baseIsNative;

// node_modules/lodash-es/_getValue.js
function getValue(object, key) {
  return object == null ? void 0 : object[key];
}
var getValue_default = getValue;

// node_modules/lodash-es/_getNative.js
function getNative(object, key) {
  var value = getValue_default(object, key);
  return baseIsNative_default(value) ? value : void 0;
}
var getNative_default = getNative;

// node_modules/lodash-es/_WeakMap.js
var WeakMap2 = getNative_default(root_default, "WeakMap");
var WeakMap_default = WeakMap2;

// node_modules/lodash-es/_baseCreate.js
var objectCreate = Object.create;
var baseCreate = /* @__PURE__ */ (function() {
  function object() {
  }
  return function(proto) {
    if (!isObject_default(proto)) {
      return {};
    }
    if (objectCreate) {
      return objectCreate(proto);
    }
    object.prototype = proto;
    var result = new object();
    object.prototype = void 0;
    return result;
  };
})();
var baseCreate_default = baseCreate;

// node_modules/lodash-es/_apply.js
function apply(func, thisArg, args) {
  switch (args.length) {
    case 0:
      return func.call(thisArg);
    case 1:
      return func.call(thisArg, args[0]);
    case 2:
      return func.call(thisArg, args[0], args[1]);
    case 3:
      return func.call(thisArg, args[0], args[1], args[2]);
  }
  return func.apply(thisArg, args);
}
var apply_default = apply;

// node_modules/lodash-es/noop.js
function noop() {
}
var noop_default = noop;

// node_modules/lodash-es/_copyArray.js
function copyArray(source, array) {
  var index = -1, length = source.length;
  array || (array = Array(length));
  while (++index < length) {
    array[index] = source[index];
  }
  return array;
}
var copyArray_default = copyArray;

// node_modules/lodash-es/_shortOut.js
var HOT_COUNT = 800;
var HOT_SPAN = 16;
var nativeNow = Date.now;
function shortOut(func) {
  var count = 0, lastCalled = 0;
  return function() {
    var stamp = nativeNow(), remaining = HOT_SPAN - (stamp - lastCalled);
    lastCalled = stamp;
    if (remaining > 0) {
      if (++count >= HOT_COUNT) {
        return arguments[0];
      }
    } else {
      count = 0;
    }
    return func.apply(void 0, arguments);
  };
}
var shortOut_default = shortOut;

// node_modules/lodash-es/constant.js
function constant(value) {
  return function() {
    return value;
  };
}
var constant_default = constant;

// node_modules/lodash-es/_defineProperty.js
var defineProperty = (function() {
  try {
    var func = getNative_default(Object, "defineProperty");
    func({}, "", {});
    return func;
  } catch (e) {
  }
})();
var defineProperty_default = defineProperty;

// node_modules/lodash-es/_baseSetToString.js
var baseSetToString = !defineProperty_default ? identity_default : function(func, string) {
  return defineProperty_default(func, "toString", {
    "configurable": true,
    "enumerable": false,
    "value": constant_default(string),
    "writable": true
  });
};
var baseSetToString_default = baseSetToString;

// node_modules/lodash-es/_setToString.js
var setToString = shortOut_default(baseSetToString_default);
var setToString_default = setToString;

// node_modules/lodash-es/_arrayEach.js
function arrayEach(array, iteratee) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (iteratee(array[index], index, array) === false) {
      break;
    }
  }
  return array;
}
var arrayEach_default = arrayEach;

// node_modules/lodash-es/_baseFindIndex.js
function baseFindIndex(array, predicate, fromIndex, fromRight) {
  var length = array.length, index = fromIndex + (fromRight ? 1 : -1);
  while (fromRight ? index-- : ++index < length) {
    if (predicate(array[index], index, array)) {
      return index;
    }
  }
  return -1;
}
var baseFindIndex_default = baseFindIndex;

// node_modules/lodash-es/_baseIsNaN.js
function baseIsNaN(value) {
  return value !== value;
}
var baseIsNaN_default = baseIsNaN;

// node_modules/lodash-es/_strictIndexOf.js
function strictIndexOf(array, value, fromIndex) {
  var index = fromIndex - 1, length = array.length;
  while (++index < length) {
    if (array[index] === value) {
      return index;
    }
  }
  return -1;
}
var strictIndexOf_default = strictIndexOf;

// node_modules/lodash-es/_baseIndexOf.js
function baseIndexOf(array, value, fromIndex) {
  return value === value ? strictIndexOf_default(array, value, fromIndex) : baseFindIndex_default(array, baseIsNaN_default, fromIndex);
}
var baseIndexOf_default = baseIndexOf;

// node_modules/lodash-es/_arrayIncludes.js
function arrayIncludes(array, value) {
  var length = array == null ? 0 : array.length;
  return !!length && baseIndexOf_default(array, value, 0) > -1;
}
var arrayIncludes_default = arrayIncludes;

// node_modules/lodash-es/_isIndex.js
var MAX_SAFE_INTEGER = 9007199254740991;
var reIsUint = /^(?:0|[1-9]\d*)$/;
function isIndex(value, length) {
  var type = typeof value;
  length = length == null ? MAX_SAFE_INTEGER : length;
  return !!length && (type == "number" || type != "symbol" && reIsUint.test(value)) && (value > -1 && value % 1 == 0 && value < length);
}
var isIndex_default = isIndex;

// node_modules/lodash-es/_baseAssignValue.js
function baseAssignValue(object, key, value) {
  if (key == "__proto__" && defineProperty_default) {
    defineProperty_default(object, key, {
      "configurable": true,
      "enumerable": true,
      "value": value,
      "writable": true
    });
  } else {
    object[key] = value;
  }
}
var baseAssignValue_default = baseAssignValue;

// node_modules/lodash-es/eq.js
function eq(value, other) {
  return value === other || value !== value && other !== other;
}
var eq_default = eq;

// node_modules/lodash-es/_assignValue.js
var objectProto4 = Object.prototype;
var hasOwnProperty3 = objectProto4.hasOwnProperty;
function assignValue(object, key, value) {
  var objValue = object[key];
  if (!(hasOwnProperty3.call(object, key) && eq_default(objValue, value)) || value === void 0 && !(key in object)) {
    baseAssignValue_default(object, key, value);
  }
}
var assignValue_default = assignValue;

// node_modules/lodash-es/_copyObject.js
function copyObject(source, props, object, customizer) {
  var isNew = !object;
  object || (object = {});
  var index = -1, length = props.length;
  while (++index < length) {
    var key = props[index];
    var newValue = customizer ? customizer(object[key], source[key], key, object, source) : void 0;
    if (newValue === void 0) {
      newValue = source[key];
    }
    if (isNew) {
      baseAssignValue_default(object, key, newValue);
    } else {
      assignValue_default(object, key, newValue);
    }
  }
  return object;
}
var copyObject_default = copyObject;

// node_modules/lodash-es/_overRest.js
var nativeMax = Math.max;
function overRest(func, start, transform) {
  start = nativeMax(start === void 0 ? func.length - 1 : start, 0);
  return function() {
    var args = arguments, index = -1, length = nativeMax(args.length - start, 0), array = Array(length);
    while (++index < length) {
      array[index] = args[start + index];
    }
    index = -1;
    var otherArgs = Array(start + 1);
    while (++index < start) {
      otherArgs[index] = args[index];
    }
    otherArgs[start] = transform(array);
    return apply_default(func, this, otherArgs);
  };
}
var overRest_default = overRest;

// node_modules/lodash-es/_baseRest.js
function baseRest(func, start) {
  return setToString_default(overRest_default(func, start, identity_default), func + "");
}
var baseRest_default = baseRest;

// node_modules/lodash-es/isLength.js
var MAX_SAFE_INTEGER2 = 9007199254740991;
function isLength(value) {
  return typeof value == "number" && value > -1 && value % 1 == 0 && value <= MAX_SAFE_INTEGER2;
}
var isLength_default = isLength;

// node_modules/lodash-es/isArrayLike.js
function isArrayLike(value) {
  return value != null && isLength_default(value.length) && !isFunction_default(value);
}
var isArrayLike_default = isArrayLike;

// node_modules/lodash-es/_isIterateeCall.js
function isIterateeCall(value, index, object) {
  if (!isObject_default(object)) {
    return false;
  }
  var type = typeof index;
  if (type == "number" ? isArrayLike_default(object) && isIndex_default(index, object.length) : type == "string" && index in object) {
    return eq_default(object[index], value);
  }
  return false;
}
var isIterateeCall_default = isIterateeCall;

// node_modules/lodash-es/_createAssigner.js
function createAssigner(assigner) {
  return baseRest_default(function(object, sources) {
    var index = -1, length = sources.length, customizer = length > 1 ? sources[length - 1] : void 0, guard = length > 2 ? sources[2] : void 0;
    customizer = assigner.length > 3 && typeof customizer == "function" ? (length--, customizer) : void 0;
    if (guard && isIterateeCall_default(sources[0], sources[1], guard)) {
      customizer = length < 3 ? void 0 : customizer;
      length = 1;
    }
    object = Object(object);
    while (++index < length) {
      var source = sources[index];
      if (source) {
        assigner(object, source, index, customizer);
      }
    }
    return object;
  });
}
var createAssigner_default = createAssigner;

// node_modules/lodash-es/_isPrototype.js
var objectProto5 = Object.prototype;
function isPrototype(value) {
  var Ctor = value && value.constructor, proto = typeof Ctor == "function" && Ctor.prototype || objectProto5;
  return value === proto;
}
var isPrototype_default = isPrototype;

// node_modules/lodash-es/_baseTimes.js
function baseTimes(n, iteratee) {
  var index = -1, result = Array(n);
  while (++index < n) {
    result[index] = iteratee(index);
  }
  return result;
}
var baseTimes_default = baseTimes;

// node_modules/lodash-es/_baseIsArguments.js
var argsTag = "[object Arguments]";
function baseIsArguments(value) {
  return isObjectLike_default(value) && baseGetTag_default(value) == argsTag;
}
var baseIsArguments_default = baseIsArguments;

// node_modules/lodash-es/isArguments.js
var objectProto6 = Object.prototype;
var hasOwnProperty4 = objectProto6.hasOwnProperty;
var propertyIsEnumerable = objectProto6.propertyIsEnumerable;
var isArguments = baseIsArguments_default(/* @__PURE__ */ (function() {
  return arguments;
})()) ? baseIsArguments_default : function(value) {
  return isObjectLike_default(value) && hasOwnProperty4.call(value, "callee") && !propertyIsEnumerable.call(value, "callee");
};
var isArguments_default = isArguments;

// node_modules/lodash-es/stubFalse.js
function stubFalse() {
  return false;
}
var stubFalse_default = stubFalse;

// node_modules/lodash-es/isBuffer.js
var freeExports = typeof exports == "object" && exports && !exports.nodeType && exports;
var freeModule = freeExports && typeof module == "object" && module && !module.nodeType && module;
var moduleExports = freeModule && freeModule.exports === freeExports;
var Buffer2 = moduleExports ? root_default.Buffer : void 0;
var nativeIsBuffer = Buffer2 ? Buffer2.isBuffer : void 0;
var isBuffer = nativeIsBuffer || stubFalse_default;
var isBuffer_default = isBuffer;

// node_modules/lodash-es/_baseIsTypedArray.js
var argsTag2 = "[object Arguments]";
var arrayTag = "[object Array]";
var boolTag = "[object Boolean]";
var dateTag = "[object Date]";
var errorTag = "[object Error]";
var funcTag2 = "[object Function]";
var mapTag = "[object Map]";
var numberTag = "[object Number]";
var objectTag = "[object Object]";
var regexpTag = "[object RegExp]";
var setTag = "[object Set]";
var stringTag = "[object String]";
var weakMapTag = "[object WeakMap]";
var arrayBufferTag = "[object ArrayBuffer]";
var dataViewTag = "[object DataView]";
var float32Tag = "[object Float32Array]";
var float64Tag = "[object Float64Array]";
var int8Tag = "[object Int8Array]";
var int16Tag = "[object Int16Array]";
var int32Tag = "[object Int32Array]";
var uint8Tag = "[object Uint8Array]";
var uint8ClampedTag = "[object Uint8ClampedArray]";
var uint16Tag = "[object Uint16Array]";
var uint32Tag = "[object Uint32Array]";
var typedArrayTags = {};
typedArrayTags[float32Tag] = typedArrayTags[float64Tag] = typedArrayTags[int8Tag] = typedArrayTags[int16Tag] = typedArrayTags[int32Tag] = typedArrayTags[uint8Tag] = typedArrayTags[uint8ClampedTag] = typedArrayTags[uint16Tag] = typedArrayTags[uint32Tag] = true;
typedArrayTags[argsTag2] = typedArrayTags[arrayTag] = typedArrayTags[arrayBufferTag] = typedArrayTags[boolTag] = typedArrayTags[dataViewTag] = typedArrayTags[dateTag] = typedArrayTags[errorTag] = typedArrayTags[funcTag2] = typedArrayTags[mapTag] = typedArrayTags[numberTag] = typedArrayTags[objectTag] = typedArrayTags[regexpTag] = typedArrayTags[setTag] = typedArrayTags[stringTag] = typedArrayTags[weakMapTag] = false;
function baseIsTypedArray(value) {
  return isObjectLike_default(value) && isLength_default(value.length) && !!typedArrayTags[baseGetTag_default(value)];
}
var baseIsTypedArray_default = baseIsTypedArray;

// node_modules/lodash-es/_baseUnary.js
function baseUnary(func) {
  return function(value) {
    return func(value);
  };
}
var baseUnary_default = baseUnary;

// node_modules/lodash-es/_nodeUtil.js
var freeExports2 = typeof exports == "object" && exports && !exports.nodeType && exports;
var freeModule2 = freeExports2 && typeof module == "object" && module && !module.nodeType && module;
var moduleExports2 = freeModule2 && freeModule2.exports === freeExports2;
var freeProcess = moduleExports2 && freeGlobal_default.process;
var nodeUtil = (function() {
  try {
    var types = freeModule2 && freeModule2.require && freeModule2.require("util").types;
    if (types) {
      return types;
    }
    return freeProcess && freeProcess.binding && freeProcess.binding("util");
  } catch (e) {
  }
})();
var nodeUtil_default = nodeUtil;

// node_modules/lodash-es/isTypedArray.js
var nodeIsTypedArray = nodeUtil_default && nodeUtil_default.isTypedArray;
var isTypedArray = nodeIsTypedArray ? baseUnary_default(nodeIsTypedArray) : baseIsTypedArray_default;
var isTypedArray_default = isTypedArray;

// node_modules/lodash-es/_arrayLikeKeys.js
var objectProto7 = Object.prototype;
var hasOwnProperty5 = objectProto7.hasOwnProperty;
function arrayLikeKeys(value, inherited) {
  var isArr = isArray_default(value), isArg = !isArr && isArguments_default(value), isBuff = !isArr && !isArg && isBuffer_default(value), isType = !isArr && !isArg && !isBuff && isTypedArray_default(value), skipIndexes = isArr || isArg || isBuff || isType, result = skipIndexes ? baseTimes_default(value.length, String) : [], length = result.length;
  for (var key in value) {
    if ((inherited || hasOwnProperty5.call(value, key)) && !(skipIndexes && // Safari 9 has enumerable `arguments.length` in strict mode.
    (key == "length" || // Node.js 0.10 has enumerable non-index properties on buffers.
    isBuff && (key == "offset" || key == "parent") || // PhantomJS 2 has enumerable non-index properties on typed arrays.
    isType && (key == "buffer" || key == "byteLength" || key == "byteOffset") || // Skip index properties.
    isIndex_default(key, length)))) {
      result.push(key);
    }
  }
  return result;
}
var arrayLikeKeys_default = arrayLikeKeys;

// node_modules/lodash-es/_overArg.js
function overArg(func, transform) {
  return function(arg) {
    return func(transform(arg));
  };
}
var overArg_default = overArg;

// node_modules/lodash-es/_nativeKeys.js
var nativeKeys = overArg_default(Object.keys, Object);
var nativeKeys_default = nativeKeys;

// node_modules/lodash-es/_baseKeys.js
var objectProto8 = Object.prototype;
var hasOwnProperty6 = objectProto8.hasOwnProperty;
function baseKeys(object) {
  if (!isPrototype_default(object)) {
    return nativeKeys_default(object);
  }
  var result = [];
  for (var key in Object(object)) {
    if (hasOwnProperty6.call(object, key) && key != "constructor") {
      result.push(key);
    }
  }
  return result;
}
var baseKeys_default = baseKeys;

// node_modules/lodash-es/keys.js
function keys(object) {
  return isArrayLike_default(object) ? arrayLikeKeys_default(object) : baseKeys_default(object);
}
var keys_default = keys;

// node_modules/lodash-es/assign.js
var objectProto9 = Object.prototype;
var hasOwnProperty7 = objectProto9.hasOwnProperty;
var assign = createAssigner_default(function(object, source) {
  if (isPrototype_default(source) || isArrayLike_default(source)) {
    copyObject_default(source, keys_default(source), object);
    return;
  }
  for (var key in source) {
    if (hasOwnProperty7.call(source, key)) {
      assignValue_default(object, key, source[key]);
    }
  }
});
var assign_default = assign;

// node_modules/lodash-es/_nativeKeysIn.js
function nativeKeysIn(object) {
  var result = [];
  if (object != null) {
    for (var key in Object(object)) {
      result.push(key);
    }
  }
  return result;
}
var nativeKeysIn_default = nativeKeysIn;

// node_modules/lodash-es/_baseKeysIn.js
var objectProto10 = Object.prototype;
var hasOwnProperty8 = objectProto10.hasOwnProperty;
function baseKeysIn(object) {
  if (!isObject_default(object)) {
    return nativeKeysIn_default(object);
  }
  var isProto = isPrototype_default(object), result = [];
  for (var key in object) {
    if (!(key == "constructor" && (isProto || !hasOwnProperty8.call(object, key)))) {
      result.push(key);
    }
  }
  return result;
}
var baseKeysIn_default = baseKeysIn;

// node_modules/lodash-es/keysIn.js
function keysIn(object) {
  return isArrayLike_default(object) ? arrayLikeKeys_default(object, true) : baseKeysIn_default(object);
}
var keysIn_default = keysIn;

// node_modules/lodash-es/_isKey.js
var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var reIsPlainProp = /^\w*$/;
function isKey(value, object) {
  if (isArray_default(value)) {
    return false;
  }
  var type = typeof value;
  if (type == "number" || type == "symbol" || type == "boolean" || value == null || isSymbol_default(value)) {
    return true;
  }
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || object != null && value in Object(object);
}
var isKey_default = isKey;

// node_modules/lodash-es/_nativeCreate.js
var nativeCreate = getNative_default(Object, "create");
var nativeCreate_default = nativeCreate;

// node_modules/lodash-es/_hashClear.js
function hashClear() {
  this.__data__ = nativeCreate_default ? nativeCreate_default(null) : {};
  this.size = 0;
}
var hashClear_default = hashClear;

// node_modules/lodash-es/_hashDelete.js
function hashDelete(key) {
  var result = this.has(key) && delete this.__data__[key];
  this.size -= result ? 1 : 0;
  return result;
}
var hashDelete_default = hashDelete;

// node_modules/lodash-es/_hashGet.js
var HASH_UNDEFINED = "__lodash_hash_undefined__";
var objectProto11 = Object.prototype;
var hasOwnProperty9 = objectProto11.hasOwnProperty;
function hashGet(key) {
  var data = this.__data__;
  if (nativeCreate_default) {
    var result = data[key];
    return result === HASH_UNDEFINED ? void 0 : result;
  }
  return hasOwnProperty9.call(data, key) ? data[key] : void 0;
}
var hashGet_default = hashGet;

// node_modules/lodash-es/_hashHas.js
var objectProto12 = Object.prototype;
var hasOwnProperty10 = objectProto12.hasOwnProperty;
function hashHas(key) {
  var data = this.__data__;
  return nativeCreate_default ? data[key] !== void 0 : hasOwnProperty10.call(data, key);
}
var hashHas_default = hashHas;

// node_modules/lodash-es/_hashSet.js
var HASH_UNDEFINED2 = "__lodash_hash_undefined__";
function hashSet(key, value) {
  var data = this.__data__;
  this.size += this.has(key) ? 0 : 1;
  data[key] = nativeCreate_default && value === void 0 ? HASH_UNDEFINED2 : value;
  return this;
}
var hashSet_default = hashSet;

// node_modules/lodash-es/_Hash.js
function Hash(entries) {
  var index = -1, length = entries == null ? 0 : entries.length;
  this.clear();
  while (++index < length) {
    var entry = entries[index];
    this.set(entry[0], entry[1]);
  }
}
Hash.prototype.clear = hashClear_default;
Hash.prototype["delete"] = hashDelete_default;
Hash.prototype.get = hashGet_default;
Hash.prototype.has = hashHas_default;
Hash.prototype.set = hashSet_default;
var Hash_default = Hash;

// node_modules/lodash-es/_listCacheClear.js
function listCacheClear() {
  this.__data__ = [];
  this.size = 0;
}
var listCacheClear_default = listCacheClear;

// node_modules/lodash-es/_assocIndexOf.js
function assocIndexOf(array, key) {
  var length = array.length;
  while (length--) {
    if (eq_default(array[length][0], key)) {
      return length;
    }
  }
  return -1;
}
var assocIndexOf_default = assocIndexOf;

// node_modules/lodash-es/_listCacheDelete.js
var arrayProto = Array.prototype;
var splice = arrayProto.splice;
function listCacheDelete(key) {
  var data = this.__data__, index = assocIndexOf_default(data, key);
  if (index < 0) {
    return false;
  }
  var lastIndex = data.length - 1;
  if (index == lastIndex) {
    data.pop();
  } else {
    splice.call(data, index, 1);
  }
  --this.size;
  return true;
}
var listCacheDelete_default = listCacheDelete;

// node_modules/lodash-es/_listCacheGet.js
function listCacheGet(key) {
  var data = this.__data__, index = assocIndexOf_default(data, key);
  return index < 0 ? void 0 : data[index][1];
}
var listCacheGet_default = listCacheGet;

// node_modules/lodash-es/_listCacheHas.js
function listCacheHas(key) {
  return assocIndexOf_default(this.__data__, key) > -1;
}
var listCacheHas_default = listCacheHas;

// node_modules/lodash-es/_listCacheSet.js
function listCacheSet(key, value) {
  var data = this.__data__, index = assocIndexOf_default(data, key);
  if (index < 0) {
    ++this.size;
    data.push([key, value]);
  } else {
    data[index][1] = value;
  }
  return this;
}
var listCacheSet_default = listCacheSet;

// node_modules/lodash-es/_ListCache.js
function ListCache(entries) {
  var index = -1, length = entries == null ? 0 : entries.length;
  this.clear();
  while (++index < length) {
    var entry = entries[index];
    this.set(entry[0], entry[1]);
  }
}
ListCache.prototype.clear = listCacheClear_default;
ListCache.prototype["delete"] = listCacheDelete_default;
ListCache.prototype.get = listCacheGet_default;
ListCache.prototype.has = listCacheHas_default;
ListCache.prototype.set = listCacheSet_default;
var ListCache_default = ListCache;

// node_modules/lodash-es/_Map.js
var Map2 = getNative_default(root_default, "Map");
var Map_default = Map2;

// node_modules/lodash-es/_mapCacheClear.js
function mapCacheClear() {
  this.size = 0;
  this.__data__ = {
    "hash": new Hash_default(),
    "map": new (Map_default || ListCache_default)(),
    "string": new Hash_default()
  };
}
var mapCacheClear_default = mapCacheClear;

// node_modules/lodash-es/_isKeyable.js
function isKeyable(value) {
  var type = typeof value;
  return type == "string" || type == "number" || type == "symbol" || type == "boolean" ? value !== "__proto__" : value === null;
}
var isKeyable_default = isKeyable;

// node_modules/lodash-es/_getMapData.js
function getMapData(map2, key) {
  var data = map2.__data__;
  return isKeyable_default(key) ? data[typeof key == "string" ? "string" : "hash"] : data.map;
}
var getMapData_default = getMapData;

// node_modules/lodash-es/_mapCacheDelete.js
function mapCacheDelete(key) {
  var result = getMapData_default(this, key)["delete"](key);
  this.size -= result ? 1 : 0;
  return result;
}
var mapCacheDelete_default = mapCacheDelete;

// node_modules/lodash-es/_mapCacheGet.js
function mapCacheGet(key) {
  return getMapData_default(this, key).get(key);
}
var mapCacheGet_default = mapCacheGet;

// node_modules/lodash-es/_mapCacheHas.js
function mapCacheHas(key) {
  return getMapData_default(this, key).has(key);
}
var mapCacheHas_default = mapCacheHas;

// node_modules/lodash-es/_mapCacheSet.js
function mapCacheSet(key, value) {
  var data = getMapData_default(this, key), size = data.size;
  data.set(key, value);
  this.size += data.size == size ? 0 : 1;
  return this;
}
var mapCacheSet_default = mapCacheSet;

// node_modules/lodash-es/_MapCache.js
function MapCache(entries) {
  var index = -1, length = entries == null ? 0 : entries.length;
  this.clear();
  while (++index < length) {
    var entry = entries[index];
    this.set(entry[0], entry[1]);
  }
}
MapCache.prototype.clear = mapCacheClear_default;
MapCache.prototype["delete"] = mapCacheDelete_default;
MapCache.prototype.get = mapCacheGet_default;
MapCache.prototype.has = mapCacheHas_default;
MapCache.prototype.set = mapCacheSet_default;
var MapCache_default = MapCache;

// node_modules/lodash-es/memoize.js
var FUNC_ERROR_TEXT = "Expected a function";
function memoize(func, resolver) {
  if (typeof func != "function" || resolver != null && typeof resolver != "function") {
    throw new TypeError(FUNC_ERROR_TEXT);
  }
  var memoized = function() {
    var args = arguments, key = resolver ? resolver.apply(this, args) : args[0], cache2 = memoized.cache;
    if (cache2.has(key)) {
      return cache2.get(key);
    }
    var result = func.apply(this, args);
    memoized.cache = cache2.set(key, result) || cache2;
    return result;
  };
  memoized.cache = new (memoize.Cache || MapCache_default)();
  return memoized;
}
memoize.Cache = MapCache_default;
var memoize_default = memoize;

// node_modules/lodash-es/_memoizeCapped.js
var MAX_MEMOIZE_SIZE = 500;
function memoizeCapped(func) {
  var result = memoize_default(func, function(key) {
    if (cache2.size === MAX_MEMOIZE_SIZE) {
      cache2.clear();
    }
    return key;
  });
  var cache2 = result.cache;
  return result;
}
var memoizeCapped_default = memoizeCapped;

// node_modules/lodash-es/_stringToPath.js
var rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
var reEscapeChar = /\\(\\)?/g;
var stringToPath = memoizeCapped_default(function(string) {
  var result = [];
  if (string.charCodeAt(0) === 46) {
    result.push("");
  }
  string.replace(rePropName, function(match, number, quote2, subString) {
    result.push(quote2 ? subString.replace(reEscapeChar, "$1") : number || match);
  });
  return result;
});
var stringToPath_default = stringToPath;

// node_modules/lodash-es/toString.js
function toString(value) {
  return value == null ? "" : baseToString_default(value);
}
var toString_default = toString;

// node_modules/lodash-es/_castPath.js
function castPath(value, object) {
  if (isArray_default(value)) {
    return value;
  }
  return isKey_default(value, object) ? [value] : stringToPath_default(toString_default(value));
}
var castPath_default = castPath;

// node_modules/lodash-es/_toKey.js
var INFINITY3 = 1 / 0;
function toKey(value) {
  if (typeof value == "string" || isSymbol_default(value)) {
    return value;
  }
  var result = value + "";
  return result == "0" && 1 / value == -INFINITY3 ? "-0" : result;
}
var toKey_default = toKey;

// node_modules/lodash-es/_baseGet.js
function baseGet(object, path) {
  path = castPath_default(path, object);
  var index = 0, length = path.length;
  while (object != null && index < length) {
    object = object[toKey_default(path[index++])];
  }
  return index && index == length ? object : void 0;
}
var baseGet_default = baseGet;

// node_modules/lodash-es/get.js
function get(object, path, defaultValue) {
  var result = object == null ? void 0 : baseGet_default(object, path);
  return result === void 0 ? defaultValue : result;
}
var get_default = get;

// node_modules/lodash-es/_arrayPush.js
function arrayPush(array, values2) {
  var index = -1, length = values2.length, offset = array.length;
  while (++index < length) {
    array[offset + index] = values2[index];
  }
  return array;
}
var arrayPush_default = arrayPush;

// node_modules/lodash-es/_isFlattenable.js
var spreadableSymbol = Symbol_default ? Symbol_default.isConcatSpreadable : void 0;
function isFlattenable(value) {
  return isArray_default(value) || isArguments_default(value) || !!(spreadableSymbol && value && value[spreadableSymbol]);
}
var isFlattenable_default = isFlattenable;

// node_modules/lodash-es/_baseFlatten.js
function baseFlatten(array, depth, predicate, isStrict, result) {
  var index = -1, length = array.length;
  predicate || (predicate = isFlattenable_default);
  result || (result = []);
  while (++index < length) {
    var value = array[index];
    if (depth > 0 && predicate(value)) {
      if (depth > 1) {
        baseFlatten(value, depth - 1, predicate, isStrict, result);
      } else {
        arrayPush_default(result, value);
      }
    } else if (!isStrict) {
      result[result.length] = value;
    }
  }
  return result;
}
var baseFlatten_default = baseFlatten;

// node_modules/lodash-es/flatten.js
function flatten(array) {
  var length = array == null ? 0 : array.length;
  return length ? baseFlatten_default(array, 1) : [];
}
var flatten_default = flatten;

// node_modules/lodash-es/_getPrototype.js
var getPrototype = overArg_default(Object.getPrototypeOf, Object);
var getPrototype_default = getPrototype;

// node_modules/lodash-es/_baseSlice.js
function baseSlice(array, start, end) {
  var index = -1, length = array.length;
  if (start < 0) {
    start = -start > length ? 0 : length + start;
  }
  end = end > length ? length : end;
  if (end < 0) {
    end += length;
  }
  length = start > end ? 0 : end - start >>> 0;
  start >>>= 0;
  var result = Array(length);
  while (++index < length) {
    result[index] = array[index + start];
  }
  return result;
}
var baseSlice_default = baseSlice;

// node_modules/lodash-es/_arrayReduce.js
function arrayReduce(array, iteratee, accumulator, initAccum) {
  var index = -1, length = array == null ? 0 : array.length;
  if (initAccum && length) {
    accumulator = array[++index];
  }
  while (++index < length) {
    accumulator = iteratee(accumulator, array[index], index, array);
  }
  return accumulator;
}
var arrayReduce_default = arrayReduce;

// node_modules/lodash-es/_stackClear.js
function stackClear() {
  this.__data__ = new ListCache_default();
  this.size = 0;
}
var stackClear_default = stackClear;

// node_modules/lodash-es/_stackDelete.js
function stackDelete(key) {
  var data = this.__data__, result = data["delete"](key);
  this.size = data.size;
  return result;
}
var stackDelete_default = stackDelete;

// node_modules/lodash-es/_stackGet.js
function stackGet(key) {
  return this.__data__.get(key);
}
var stackGet_default = stackGet;

// node_modules/lodash-es/_stackHas.js
function stackHas(key) {
  return this.__data__.has(key);
}
var stackHas_default = stackHas;

// node_modules/lodash-es/_stackSet.js
var LARGE_ARRAY_SIZE = 200;
function stackSet(key, value) {
  var data = this.__data__;
  if (data instanceof ListCache_default) {
    var pairs = data.__data__;
    if (!Map_default || pairs.length < LARGE_ARRAY_SIZE - 1) {
      pairs.push([key, value]);
      this.size = ++data.size;
      return this;
    }
    data = this.__data__ = new MapCache_default(pairs);
  }
  data.set(key, value);
  this.size = data.size;
  return this;
}
var stackSet_default = stackSet;

// node_modules/lodash-es/_Stack.js
function Stack(entries) {
  var data = this.__data__ = new ListCache_default(entries);
  this.size = data.size;
}
Stack.prototype.clear = stackClear_default;
Stack.prototype["delete"] = stackDelete_default;
Stack.prototype.get = stackGet_default;
Stack.prototype.has = stackHas_default;
Stack.prototype.set = stackSet_default;
var Stack_default = Stack;

// node_modules/lodash-es/_baseAssign.js
function baseAssign(object, source) {
  return object && copyObject_default(source, keys_default(source), object);
}
var baseAssign_default = baseAssign;

// node_modules/lodash-es/_baseAssignIn.js
function baseAssignIn(object, source) {
  return object && copyObject_default(source, keysIn_default(source), object);
}
var baseAssignIn_default = baseAssignIn;

// node_modules/lodash-es/_cloneBuffer.js
var freeExports3 = typeof exports == "object" && exports && !exports.nodeType && exports;
var freeModule3 = freeExports3 && typeof module == "object" && module && !module.nodeType && module;
var moduleExports3 = freeModule3 && freeModule3.exports === freeExports3;
var Buffer3 = moduleExports3 ? root_default.Buffer : void 0;
var allocUnsafe = Buffer3 ? Buffer3.allocUnsafe : void 0;
function cloneBuffer(buffer, isDeep) {
  if (isDeep) {
    return buffer.slice();
  }
  var length = buffer.length, result = allocUnsafe ? allocUnsafe(length) : new buffer.constructor(length);
  buffer.copy(result);
  return result;
}
var cloneBuffer_default = cloneBuffer;

// node_modules/lodash-es/_arrayFilter.js
function arrayFilter(array, predicate) {
  var index = -1, length = array == null ? 0 : array.length, resIndex = 0, result = [];
  while (++index < length) {
    var value = array[index];
    if (predicate(value, index, array)) {
      result[resIndex++] = value;
    }
  }
  return result;
}
var arrayFilter_default = arrayFilter;

// node_modules/lodash-es/stubArray.js
function stubArray() {
  return [];
}
var stubArray_default = stubArray;

// node_modules/lodash-es/_getSymbols.js
var objectProto13 = Object.prototype;
var propertyIsEnumerable2 = objectProto13.propertyIsEnumerable;
var nativeGetSymbols = Object.getOwnPropertySymbols;
var getSymbols = !nativeGetSymbols ? stubArray_default : function(object) {
  if (object == null) {
    return [];
  }
  object = Object(object);
  return arrayFilter_default(nativeGetSymbols(object), function(symbol) {
    return propertyIsEnumerable2.call(object, symbol);
  });
};
var getSymbols_default = getSymbols;

// node_modules/lodash-es/_copySymbols.js
function copySymbols(source, object) {
  return copyObject_default(source, getSymbols_default(source), object);
}
var copySymbols_default = copySymbols;

// node_modules/lodash-es/_getSymbolsIn.js
var nativeGetSymbols2 = Object.getOwnPropertySymbols;
var getSymbolsIn = !nativeGetSymbols2 ? stubArray_default : function(object) {
  var result = [];
  while (object) {
    arrayPush_default(result, getSymbols_default(object));
    object = getPrototype_default(object);
  }
  return result;
};
var getSymbolsIn_default = getSymbolsIn;

// node_modules/lodash-es/_copySymbolsIn.js
function copySymbolsIn(source, object) {
  return copyObject_default(source, getSymbolsIn_default(source), object);
}
var copySymbolsIn_default = copySymbolsIn;

// node_modules/lodash-es/_baseGetAllKeys.js
function baseGetAllKeys(object, keysFunc, symbolsFunc) {
  var result = keysFunc(object);
  return isArray_default(object) ? result : arrayPush_default(result, symbolsFunc(object));
}
var baseGetAllKeys_default = baseGetAllKeys;

// node_modules/lodash-es/_getAllKeys.js
function getAllKeys(object) {
  return baseGetAllKeys_default(object, keys_default, getSymbols_default);
}
var getAllKeys_default = getAllKeys;

// node_modules/lodash-es/_getAllKeysIn.js
function getAllKeysIn(object) {
  return baseGetAllKeys_default(object, keysIn_default, getSymbolsIn_default);
}
var getAllKeysIn_default = getAllKeysIn;

// node_modules/lodash-es/_DataView.js
var DataView = getNative_default(root_default, "DataView");
var DataView_default = DataView;

// node_modules/lodash-es/_Promise.js
var Promise2 = getNative_default(root_default, "Promise");
var Promise_default = Promise2;

// node_modules/lodash-es/_Set.js
var Set2 = getNative_default(root_default, "Set");
var Set_default = Set2;

// node_modules/lodash-es/_getTag.js
var mapTag2 = "[object Map]";
var objectTag2 = "[object Object]";
var promiseTag = "[object Promise]";
var setTag2 = "[object Set]";
var weakMapTag2 = "[object WeakMap]";
var dataViewTag2 = "[object DataView]";
var dataViewCtorString = toSource_default(DataView_default);
var mapCtorString = toSource_default(Map_default);
var promiseCtorString = toSource_default(Promise_default);
var setCtorString = toSource_default(Set_default);
var weakMapCtorString = toSource_default(WeakMap_default);
var getTag = baseGetTag_default;
if (DataView_default && getTag(new DataView_default(new ArrayBuffer(1))) != dataViewTag2 || Map_default && getTag(new Map_default()) != mapTag2 || Promise_default && getTag(Promise_default.resolve()) != promiseTag || Set_default && getTag(new Set_default()) != setTag2 || WeakMap_default && getTag(new WeakMap_default()) != weakMapTag2) {
  getTag = function(value) {
    var result = baseGetTag_default(value), Ctor = result == objectTag2 ? value.constructor : void 0, ctorString = Ctor ? toSource_default(Ctor) : "";
    if (ctorString) {
      switch (ctorString) {
        case dataViewCtorString:
          return dataViewTag2;
        case mapCtorString:
          return mapTag2;
        case promiseCtorString:
          return promiseTag;
        case setCtorString:
          return setTag2;
        case weakMapCtorString:
          return weakMapTag2;
      }
    }
    return result;
  };
}
var getTag_default = getTag;

// node_modules/lodash-es/_initCloneArray.js
var objectProto14 = Object.prototype;
var hasOwnProperty11 = objectProto14.hasOwnProperty;
function initCloneArray(array) {
  var length = array.length, result = new array.constructor(length);
  if (length && typeof array[0] == "string" && hasOwnProperty11.call(array, "index")) {
    result.index = array.index;
    result.input = array.input;
  }
  return result;
}
var initCloneArray_default = initCloneArray;

// node_modules/lodash-es/_Uint8Array.js
var Uint8Array2 = root_default.Uint8Array;
var Uint8Array_default = Uint8Array2;

// node_modules/lodash-es/_cloneArrayBuffer.js
function cloneArrayBuffer(arrayBuffer) {
  var result = new arrayBuffer.constructor(arrayBuffer.byteLength);
  new Uint8Array_default(result).set(new Uint8Array_default(arrayBuffer));
  return result;
}
var cloneArrayBuffer_default = cloneArrayBuffer;

// node_modules/lodash-es/_cloneDataView.js
function cloneDataView(dataView, isDeep) {
  var buffer = isDeep ? cloneArrayBuffer_default(dataView.buffer) : dataView.buffer;
  return new dataView.constructor(buffer, dataView.byteOffset, dataView.byteLength);
}
var cloneDataView_default = cloneDataView;

// node_modules/lodash-es/_cloneRegExp.js
var reFlags = /\w*$/;
function cloneRegExp(regexp) {
  var result = new regexp.constructor(regexp.source, reFlags.exec(regexp));
  result.lastIndex = regexp.lastIndex;
  return result;
}
var cloneRegExp_default = cloneRegExp;

// node_modules/lodash-es/_cloneSymbol.js
var symbolProto2 = Symbol_default ? Symbol_default.prototype : void 0;
var symbolValueOf = symbolProto2 ? symbolProto2.valueOf : void 0;
function cloneSymbol(symbol) {
  return symbolValueOf ? Object(symbolValueOf.call(symbol)) : {};
}
var cloneSymbol_default = cloneSymbol;

// node_modules/lodash-es/_cloneTypedArray.js
function cloneTypedArray(typedArray, isDeep) {
  var buffer = isDeep ? cloneArrayBuffer_default(typedArray.buffer) : typedArray.buffer;
  return new typedArray.constructor(buffer, typedArray.byteOffset, typedArray.length);
}
var cloneTypedArray_default = cloneTypedArray;

// node_modules/lodash-es/_initCloneByTag.js
var boolTag2 = "[object Boolean]";
var dateTag2 = "[object Date]";
var mapTag3 = "[object Map]";
var numberTag2 = "[object Number]";
var regexpTag2 = "[object RegExp]";
var setTag3 = "[object Set]";
var stringTag2 = "[object String]";
var symbolTag2 = "[object Symbol]";
var arrayBufferTag2 = "[object ArrayBuffer]";
var dataViewTag3 = "[object DataView]";
var float32Tag2 = "[object Float32Array]";
var float64Tag2 = "[object Float64Array]";
var int8Tag2 = "[object Int8Array]";
var int16Tag2 = "[object Int16Array]";
var int32Tag2 = "[object Int32Array]";
var uint8Tag2 = "[object Uint8Array]";
var uint8ClampedTag2 = "[object Uint8ClampedArray]";
var uint16Tag2 = "[object Uint16Array]";
var uint32Tag2 = "[object Uint32Array]";
function initCloneByTag(object, tag, isDeep) {
  var Ctor = object.constructor;
  switch (tag) {
    case arrayBufferTag2:
      return cloneArrayBuffer_default(object);
    case boolTag2:
    case dateTag2:
      return new Ctor(+object);
    case dataViewTag3:
      return cloneDataView_default(object, isDeep);
    case float32Tag2:
    case float64Tag2:
    case int8Tag2:
    case int16Tag2:
    case int32Tag2:
    case uint8Tag2:
    case uint8ClampedTag2:
    case uint16Tag2:
    case uint32Tag2:
      return cloneTypedArray_default(object, isDeep);
    case mapTag3:
      return new Ctor();
    case numberTag2:
    case stringTag2:
      return new Ctor(object);
    case regexpTag2:
      return cloneRegExp_default(object);
    case setTag3:
      return new Ctor();
    case symbolTag2:
      return cloneSymbol_default(object);
  }
}
var initCloneByTag_default = initCloneByTag;

// node_modules/lodash-es/_initCloneObject.js
function initCloneObject(object) {
  return typeof object.constructor == "function" && !isPrototype_default(object) ? baseCreate_default(getPrototype_default(object)) : {};
}
var initCloneObject_default = initCloneObject;

// node_modules/lodash-es/_baseIsMap.js
var mapTag4 = "[object Map]";
function baseIsMap(value) {
  return isObjectLike_default(value) && getTag_default(value) == mapTag4;
}
var baseIsMap_default = baseIsMap;

// node_modules/lodash-es/isMap.js
var nodeIsMap = nodeUtil_default && nodeUtil_default.isMap;
var isMap = nodeIsMap ? baseUnary_default(nodeIsMap) : baseIsMap_default;
var isMap_default = isMap;

// node_modules/lodash-es/_baseIsSet.js
var setTag4 = "[object Set]";
function baseIsSet(value) {
  return isObjectLike_default(value) && getTag_default(value) == setTag4;
}
var baseIsSet_default = baseIsSet;

// node_modules/lodash-es/isSet.js
var nodeIsSet = nodeUtil_default && nodeUtil_default.isSet;
var isSet = nodeIsSet ? baseUnary_default(nodeIsSet) : baseIsSet_default;
var isSet_default = isSet;

// node_modules/lodash-es/_baseClone.js
var CLONE_DEEP_FLAG = 1;
var CLONE_FLAT_FLAG = 2;
var CLONE_SYMBOLS_FLAG = 4;
var argsTag3 = "[object Arguments]";
var arrayTag2 = "[object Array]";
var boolTag3 = "[object Boolean]";
var dateTag3 = "[object Date]";
var errorTag2 = "[object Error]";
var funcTag3 = "[object Function]";
var genTag2 = "[object GeneratorFunction]";
var mapTag5 = "[object Map]";
var numberTag3 = "[object Number]";
var objectTag3 = "[object Object]";
var regexpTag3 = "[object RegExp]";
var setTag5 = "[object Set]";
var stringTag3 = "[object String]";
var symbolTag3 = "[object Symbol]";
var weakMapTag3 = "[object WeakMap]";
var arrayBufferTag3 = "[object ArrayBuffer]";
var dataViewTag4 = "[object DataView]";
var float32Tag3 = "[object Float32Array]";
var float64Tag3 = "[object Float64Array]";
var int8Tag3 = "[object Int8Array]";
var int16Tag3 = "[object Int16Array]";
var int32Tag3 = "[object Int32Array]";
var uint8Tag3 = "[object Uint8Array]";
var uint8ClampedTag3 = "[object Uint8ClampedArray]";
var uint16Tag3 = "[object Uint16Array]";
var uint32Tag3 = "[object Uint32Array]";
var cloneableTags = {};
cloneableTags[argsTag3] = cloneableTags[arrayTag2] = cloneableTags[arrayBufferTag3] = cloneableTags[dataViewTag4] = cloneableTags[boolTag3] = cloneableTags[dateTag3] = cloneableTags[float32Tag3] = cloneableTags[float64Tag3] = cloneableTags[int8Tag3] = cloneableTags[int16Tag3] = cloneableTags[int32Tag3] = cloneableTags[mapTag5] = cloneableTags[numberTag3] = cloneableTags[objectTag3] = cloneableTags[regexpTag3] = cloneableTags[setTag5] = cloneableTags[stringTag3] = cloneableTags[symbolTag3] = cloneableTags[uint8Tag3] = cloneableTags[uint8ClampedTag3] = cloneableTags[uint16Tag3] = cloneableTags[uint32Tag3] = true;
cloneableTags[errorTag2] = cloneableTags[funcTag3] = cloneableTags[weakMapTag3] = false;
function baseClone(value, bitmask, customizer, key, object, stack) {
  var result, isDeep = bitmask & CLONE_DEEP_FLAG, isFlat = bitmask & CLONE_FLAT_FLAG, isFull = bitmask & CLONE_SYMBOLS_FLAG;
  if (customizer) {
    result = object ? customizer(value, key, object, stack) : customizer(value);
  }
  if (result !== void 0) {
    return result;
  }
  if (!isObject_default(value)) {
    return value;
  }
  var isArr = isArray_default(value);
  if (isArr) {
    result = initCloneArray_default(value);
    if (!isDeep) {
      return copyArray_default(value, result);
    }
  } else {
    var tag = getTag_default(value), isFunc = tag == funcTag3 || tag == genTag2;
    if (isBuffer_default(value)) {
      return cloneBuffer_default(value, isDeep);
    }
    if (tag == objectTag3 || tag == argsTag3 || isFunc && !object) {
      result = isFlat || isFunc ? {} : initCloneObject_default(value);
      if (!isDeep) {
        return isFlat ? copySymbolsIn_default(value, baseAssignIn_default(result, value)) : copySymbols_default(value, baseAssign_default(result, value));
      }
    } else {
      if (!cloneableTags[tag]) {
        return object ? value : {};
      }
      result = initCloneByTag_default(value, tag, isDeep);
    }
  }
  stack || (stack = new Stack_default());
  var stacked = stack.get(value);
  if (stacked) {
    return stacked;
  }
  stack.set(value, result);
  if (isSet_default(value)) {
    value.forEach(function(subValue) {
      result.add(baseClone(subValue, bitmask, customizer, subValue, value, stack));
    });
  } else if (isMap_default(value)) {
    value.forEach(function(subValue, key2) {
      result.set(key2, baseClone(subValue, bitmask, customizer, key2, value, stack));
    });
  }
  var keysFunc = isFull ? isFlat ? getAllKeysIn_default : getAllKeys_default : isFlat ? keysIn_default : keys_default;
  var props = isArr ? void 0 : keysFunc(value);
  arrayEach_default(props || value, function(subValue, key2) {
    if (props) {
      key2 = subValue;
      subValue = value[key2];
    }
    assignValue_default(result, key2, baseClone(subValue, bitmask, customizer, key2, value, stack));
  });
  return result;
}
var baseClone_default = baseClone;

// node_modules/lodash-es/clone.js
var CLONE_SYMBOLS_FLAG2 = 4;
function clone(value) {
  return baseClone_default(value, CLONE_SYMBOLS_FLAG2);
}
var clone_default = clone;

// node_modules/lodash-es/compact.js
function compact(array) {
  var index = -1, length = array == null ? 0 : array.length, resIndex = 0, result = [];
  while (++index < length) {
    var value = array[index];
    if (value) {
      result[resIndex++] = value;
    }
  }
  return result;
}
var compact_default = compact;

// node_modules/lodash-es/_setCacheAdd.js
var HASH_UNDEFINED3 = "__lodash_hash_undefined__";
function setCacheAdd(value) {
  this.__data__.set(value, HASH_UNDEFINED3);
  return this;
}
var setCacheAdd_default = setCacheAdd;

// node_modules/lodash-es/_setCacheHas.js
function setCacheHas(value) {
  return this.__data__.has(value);
}
var setCacheHas_default = setCacheHas;

// node_modules/lodash-es/_SetCache.js
function SetCache(values2) {
  var index = -1, length = values2 == null ? 0 : values2.length;
  this.__data__ = new MapCache_default();
  while (++index < length) {
    this.add(values2[index]);
  }
}
SetCache.prototype.add = SetCache.prototype.push = setCacheAdd_default;
SetCache.prototype.has = setCacheHas_default;
var SetCache_default = SetCache;

// node_modules/lodash-es/_arraySome.js
function arraySome(array, predicate) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (predicate(array[index], index, array)) {
      return true;
    }
  }
  return false;
}
var arraySome_default = arraySome;

// node_modules/lodash-es/_cacheHas.js
function cacheHas(cache2, key) {
  return cache2.has(key);
}
var cacheHas_default = cacheHas;

// node_modules/lodash-es/_equalArrays.js
var COMPARE_PARTIAL_FLAG = 1;
var COMPARE_UNORDERED_FLAG = 2;
function equalArrays(array, other, bitmask, customizer, equalFunc, stack) {
  var isPartial2 = bitmask & COMPARE_PARTIAL_FLAG, arrLength = array.length, othLength = other.length;
  if (arrLength != othLength && !(isPartial2 && othLength > arrLength)) {
    return false;
  }
  var arrStacked = stack.get(array);
  var othStacked = stack.get(other);
  if (arrStacked && othStacked) {
    return arrStacked == other && othStacked == array;
  }
  var index = -1, result = true, seen = bitmask & COMPARE_UNORDERED_FLAG ? new SetCache_default() : void 0;
  stack.set(array, other);
  stack.set(other, array);
  while (++index < arrLength) {
    var arrValue = array[index], othValue = other[index];
    if (customizer) {
      var compared = isPartial2 ? customizer(othValue, arrValue, index, other, array, stack) : customizer(arrValue, othValue, index, array, other, stack);
    }
    if (compared !== void 0) {
      if (compared) {
        continue;
      }
      result = false;
      break;
    }
    if (seen) {
      if (!arraySome_default(other, function(othValue2, othIndex) {
        if (!cacheHas_default(seen, othIndex) && (arrValue === othValue2 || equalFunc(arrValue, othValue2, bitmask, customizer, stack))) {
          return seen.push(othIndex);
        }
      })) {
        result = false;
        break;
      }
    } else if (!(arrValue === othValue || equalFunc(arrValue, othValue, bitmask, customizer, stack))) {
      result = false;
      break;
    }
  }
  stack["delete"](array);
  stack["delete"](other);
  return result;
}
var equalArrays_default = equalArrays;

// node_modules/lodash-es/_mapToArray.js
function mapToArray(map2) {
  var index = -1, result = Array(map2.size);
  map2.forEach(function(value, key) {
    result[++index] = [key, value];
  });
  return result;
}
var mapToArray_default = mapToArray;

// node_modules/lodash-es/_setToArray.js
function setToArray(set) {
  var index = -1, result = Array(set.size);
  set.forEach(function(value) {
    result[++index] = value;
  });
  return result;
}
var setToArray_default = setToArray;

// node_modules/lodash-es/_equalByTag.js
var COMPARE_PARTIAL_FLAG2 = 1;
var COMPARE_UNORDERED_FLAG2 = 2;
var boolTag4 = "[object Boolean]";
var dateTag4 = "[object Date]";
var errorTag3 = "[object Error]";
var mapTag6 = "[object Map]";
var numberTag4 = "[object Number]";
var regexpTag4 = "[object RegExp]";
var setTag6 = "[object Set]";
var stringTag4 = "[object String]";
var symbolTag4 = "[object Symbol]";
var arrayBufferTag4 = "[object ArrayBuffer]";
var dataViewTag5 = "[object DataView]";
var symbolProto3 = Symbol_default ? Symbol_default.prototype : void 0;
var symbolValueOf2 = symbolProto3 ? symbolProto3.valueOf : void 0;
function equalByTag(object, other, tag, bitmask, customizer, equalFunc, stack) {
  switch (tag) {
    case dataViewTag5:
      if (object.byteLength != other.byteLength || object.byteOffset != other.byteOffset) {
        return false;
      }
      object = object.buffer;
      other = other.buffer;
    case arrayBufferTag4:
      if (object.byteLength != other.byteLength || !equalFunc(new Uint8Array_default(object), new Uint8Array_default(other))) {
        return false;
      }
      return true;
    case boolTag4:
    case dateTag4:
    case numberTag4:
      return eq_default(+object, +other);
    case errorTag3:
      return object.name == other.name && object.message == other.message;
    case regexpTag4:
    case stringTag4:
      return object == other + "";
    case mapTag6:
      var convert = mapToArray_default;
    case setTag6:
      var isPartial2 = bitmask & COMPARE_PARTIAL_FLAG2;
      convert || (convert = setToArray_default);
      if (object.size != other.size && !isPartial2) {
        return false;
      }
      var stacked = stack.get(object);
      if (stacked) {
        return stacked == other;
      }
      bitmask |= COMPARE_UNORDERED_FLAG2;
      stack.set(object, other);
      var result = equalArrays_default(convert(object), convert(other), bitmask, customizer, equalFunc, stack);
      stack["delete"](object);
      return result;
    case symbolTag4:
      if (symbolValueOf2) {
        return symbolValueOf2.call(object) == symbolValueOf2.call(other);
      }
  }
  return false;
}
var equalByTag_default = equalByTag;

// node_modules/lodash-es/_equalObjects.js
var COMPARE_PARTIAL_FLAG3 = 1;
var objectProto15 = Object.prototype;
var hasOwnProperty12 = objectProto15.hasOwnProperty;
function equalObjects(object, other, bitmask, customizer, equalFunc, stack) {
  var isPartial2 = bitmask & COMPARE_PARTIAL_FLAG3, objProps = getAllKeys_default(object), objLength = objProps.length, othProps = getAllKeys_default(other), othLength = othProps.length;
  if (objLength != othLength && !isPartial2) {
    return false;
  }
  var index = objLength;
  while (index--) {
    var key = objProps[index];
    if (!(isPartial2 ? key in other : hasOwnProperty12.call(other, key))) {
      return false;
    }
  }
  var objStacked = stack.get(object);
  var othStacked = stack.get(other);
  if (objStacked && othStacked) {
    return objStacked == other && othStacked == object;
  }
  var result = true;
  stack.set(object, other);
  stack.set(other, object);
  var skipCtor = isPartial2;
  while (++index < objLength) {
    key = objProps[index];
    var objValue = object[key], othValue = other[key];
    if (customizer) {
      var compared = isPartial2 ? customizer(othValue, objValue, key, other, object, stack) : customizer(objValue, othValue, key, object, other, stack);
    }
    if (!(compared === void 0 ? objValue === othValue || equalFunc(objValue, othValue, bitmask, customizer, stack) : compared)) {
      result = false;
      break;
    }
    skipCtor || (skipCtor = key == "constructor");
  }
  if (result && !skipCtor) {
    var objCtor = object.constructor, othCtor = other.constructor;
    if (objCtor != othCtor && ("constructor" in object && "constructor" in other) && !(typeof objCtor == "function" && objCtor instanceof objCtor && typeof othCtor == "function" && othCtor instanceof othCtor)) {
      result = false;
    }
  }
  stack["delete"](object);
  stack["delete"](other);
  return result;
}
var equalObjects_default = equalObjects;

// node_modules/lodash-es/_baseIsEqualDeep.js
var COMPARE_PARTIAL_FLAG4 = 1;
var argsTag4 = "[object Arguments]";
var arrayTag3 = "[object Array]";
var objectTag4 = "[object Object]";
var objectProto16 = Object.prototype;
var hasOwnProperty13 = objectProto16.hasOwnProperty;
function baseIsEqualDeep(object, other, bitmask, customizer, equalFunc, stack) {
  var objIsArr = isArray_default(object), othIsArr = isArray_default(other), objTag = objIsArr ? arrayTag3 : getTag_default(object), othTag = othIsArr ? arrayTag3 : getTag_default(other);
  objTag = objTag == argsTag4 ? objectTag4 : objTag;
  othTag = othTag == argsTag4 ? objectTag4 : othTag;
  var objIsObj = objTag == objectTag4, othIsObj = othTag == objectTag4, isSameTag = objTag == othTag;
  if (isSameTag && isBuffer_default(object)) {
    if (!isBuffer_default(other)) {
      return false;
    }
    objIsArr = true;
    objIsObj = false;
  }
  if (isSameTag && !objIsObj) {
    stack || (stack = new Stack_default());
    return objIsArr || isTypedArray_default(object) ? equalArrays_default(object, other, bitmask, customizer, equalFunc, stack) : equalByTag_default(object, other, objTag, bitmask, customizer, equalFunc, stack);
  }
  if (!(bitmask & COMPARE_PARTIAL_FLAG4)) {
    var objIsWrapped = objIsObj && hasOwnProperty13.call(object, "__wrapped__"), othIsWrapped = othIsObj && hasOwnProperty13.call(other, "__wrapped__");
    if (objIsWrapped || othIsWrapped) {
      var objUnwrapped = objIsWrapped ? object.value() : object, othUnwrapped = othIsWrapped ? other.value() : other;
      stack || (stack = new Stack_default());
      return equalFunc(objUnwrapped, othUnwrapped, bitmask, customizer, stack);
    }
  }
  if (!isSameTag) {
    return false;
  }
  stack || (stack = new Stack_default());
  return equalObjects_default(object, other, bitmask, customizer, equalFunc, stack);
}
var baseIsEqualDeep_default = baseIsEqualDeep;

// node_modules/lodash-es/_baseIsEqual.js
function baseIsEqual(value, other, bitmask, customizer, stack) {
  if (value === other) {
    return true;
  }
  if (value == null || other == null || !isObjectLike_default(value) && !isObjectLike_default(other)) {
    return value !== value && other !== other;
  }
  return baseIsEqualDeep_default(value, other, bitmask, customizer, baseIsEqual, stack);
}
var baseIsEqual_default = baseIsEqual;

// node_modules/lodash-es/_baseIsMatch.js
var COMPARE_PARTIAL_FLAG5 = 1;
var COMPARE_UNORDERED_FLAG3 = 2;
function baseIsMatch(object, source, matchData, customizer) {
  var index = matchData.length, length = index, noCustomizer = !customizer;
  if (object == null) {
    return !length;
  }
  object = Object(object);
  while (index--) {
    var data = matchData[index];
    if (noCustomizer && data[2] ? data[1] !== object[data[0]] : !(data[0] in object)) {
      return false;
    }
  }
  while (++index < length) {
    data = matchData[index];
    var key = data[0], objValue = object[key], srcValue = data[1];
    if (noCustomizer && data[2]) {
      if (objValue === void 0 && !(key in object)) {
        return false;
      }
    } else {
      var stack = new Stack_default();
      if (customizer) {
        var result = customizer(objValue, srcValue, key, object, source, stack);
      }
      if (!(result === void 0 ? baseIsEqual_default(srcValue, objValue, COMPARE_PARTIAL_FLAG5 | COMPARE_UNORDERED_FLAG3, customizer, stack) : result)) {
        return false;
      }
    }
  }
  return true;
}
var baseIsMatch_default = baseIsMatch;

// node_modules/lodash-es/_isStrictComparable.js
function isStrictComparable(value) {
  return value === value && !isObject_default(value);
}
var isStrictComparable_default = isStrictComparable;

// node_modules/lodash-es/_getMatchData.js
function getMatchData(object) {
  var result = keys_default(object), length = result.length;
  while (length--) {
    var key = result[length], value = object[key];
    result[length] = [key, value, isStrictComparable_default(value)];
  }
  return result;
}
var getMatchData_default = getMatchData;

// node_modules/lodash-es/_matchesStrictComparable.js
function matchesStrictComparable(key, srcValue) {
  return function(object) {
    if (object == null) {
      return false;
    }
    return object[key] === srcValue && (srcValue !== void 0 || key in Object(object));
  };
}
var matchesStrictComparable_default = matchesStrictComparable;

// node_modules/lodash-es/_baseMatches.js
function baseMatches(source) {
  var matchData = getMatchData_default(source);
  if (matchData.length == 1 && matchData[0][2]) {
    return matchesStrictComparable_default(matchData[0][0], matchData[0][1]);
  }
  return function(object) {
    return object === source || baseIsMatch_default(object, source, matchData);
  };
}
var baseMatches_default = baseMatches;

// node_modules/lodash-es/_baseHasIn.js
function baseHasIn(object, key) {
  return object != null && key in Object(object);
}
var baseHasIn_default = baseHasIn;

// node_modules/lodash-es/_hasPath.js
function hasPath(object, path, hasFunc) {
  path = castPath_default(path, object);
  var index = -1, length = path.length, result = false;
  while (++index < length) {
    var key = toKey_default(path[index]);
    if (!(result = object != null && hasFunc(object, key))) {
      break;
    }
    object = object[key];
  }
  if (result || ++index != length) {
    return result;
  }
  length = object == null ? 0 : object.length;
  return !!length && isLength_default(length) && isIndex_default(key, length) && (isArray_default(object) || isArguments_default(object));
}
var hasPath_default = hasPath;

// node_modules/lodash-es/hasIn.js
function hasIn(object, path) {
  return object != null && hasPath_default(object, path, baseHasIn_default);
}
var hasIn_default = hasIn;

// node_modules/lodash-es/_baseMatchesProperty.js
var COMPARE_PARTIAL_FLAG6 = 1;
var COMPARE_UNORDERED_FLAG4 = 2;
function baseMatchesProperty(path, srcValue) {
  if (isKey_default(path) && isStrictComparable_default(srcValue)) {
    return matchesStrictComparable_default(toKey_default(path), srcValue);
  }
  return function(object) {
    var objValue = get_default(object, path);
    return objValue === void 0 && objValue === srcValue ? hasIn_default(object, path) : baseIsEqual_default(srcValue, objValue, COMPARE_PARTIAL_FLAG6 | COMPARE_UNORDERED_FLAG4);
  };
}
var baseMatchesProperty_default = baseMatchesProperty;

// node_modules/lodash-es/_baseProperty.js
function baseProperty(key) {
  return function(object) {
    return object == null ? void 0 : object[key];
  };
}
var baseProperty_default = baseProperty;

// node_modules/lodash-es/_basePropertyDeep.js
function basePropertyDeep(path) {
  return function(object) {
    return baseGet_default(object, path);
  };
}
var basePropertyDeep_default = basePropertyDeep;

// node_modules/lodash-es/property.js
function property(path) {
  return isKey_default(path) ? baseProperty_default(toKey_default(path)) : basePropertyDeep_default(path);
}
var property_default = property;

// node_modules/lodash-es/_baseIteratee.js
function baseIteratee(value) {
  if (typeof value == "function") {
    return value;
  }
  if (value == null) {
    return identity_default;
  }
  if (typeof value == "object") {
    return isArray_default(value) ? baseMatchesProperty_default(value[0], value[1]) : baseMatches_default(value);
  }
  return property_default(value);
}
var baseIteratee_default = baseIteratee;

// node_modules/lodash-es/_arrayAggregator.js
function arrayAggregator(array, setter, iteratee, accumulator) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    var value = array[index];
    setter(accumulator, value, iteratee(value), array);
  }
  return accumulator;
}
var arrayAggregator_default = arrayAggregator;

// node_modules/lodash-es/_createBaseFor.js
function createBaseFor(fromRight) {
  return function(object, iteratee, keysFunc) {
    var index = -1, iterable = Object(object), props = keysFunc(object), length = props.length;
    while (length--) {
      var key = props[fromRight ? length : ++index];
      if (iteratee(iterable[key], key, iterable) === false) {
        break;
      }
    }
    return object;
  };
}
var createBaseFor_default = createBaseFor;

// node_modules/lodash-es/_baseFor.js
var baseFor = createBaseFor_default();
var baseFor_default = baseFor;

// node_modules/lodash-es/_baseForOwn.js
function baseForOwn(object, iteratee) {
  return object && baseFor_default(object, iteratee, keys_default);
}
var baseForOwn_default = baseForOwn;

// node_modules/lodash-es/_createBaseEach.js
function createBaseEach(eachFunc, fromRight) {
  return function(collection, iteratee) {
    if (collection == null) {
      return collection;
    }
    if (!isArrayLike_default(collection)) {
      return eachFunc(collection, iteratee);
    }
    var length = collection.length, index = fromRight ? length : -1, iterable = Object(collection);
    while (fromRight ? index-- : ++index < length) {
      if (iteratee(iterable[index], index, iterable) === false) {
        break;
      }
    }
    return collection;
  };
}
var createBaseEach_default = createBaseEach;

// node_modules/lodash-es/_baseEach.js
var baseEach = createBaseEach_default(baseForOwn_default);
var baseEach_default = baseEach;

// node_modules/lodash-es/_baseAggregator.js
function baseAggregator(collection, setter, iteratee, accumulator) {
  baseEach_default(collection, function(value, key, collection2) {
    setter(accumulator, value, iteratee(value), collection2);
  });
  return accumulator;
}
var baseAggregator_default = baseAggregator;

// node_modules/lodash-es/_createAggregator.js
function createAggregator(setter, initializer) {
  return function(collection, iteratee) {
    var func = isArray_default(collection) ? arrayAggregator_default : baseAggregator_default, accumulator = initializer ? initializer() : {};
    return func(collection, setter, baseIteratee_default(iteratee, 2), accumulator);
  };
}
var createAggregator_default = createAggregator;

// node_modules/lodash-es/defaults.js
var objectProto17 = Object.prototype;
var hasOwnProperty14 = objectProto17.hasOwnProperty;
var defaults = baseRest_default(function(object, sources) {
  object = Object(object);
  var index = -1;
  var length = sources.length;
  var guard = length > 2 ? sources[2] : void 0;
  if (guard && isIterateeCall_default(sources[0], sources[1], guard)) {
    length = 1;
  }
  while (++index < length) {
    var source = sources[index];
    var props = keysIn_default(source);
    var propsIndex = -1;
    var propsLength = props.length;
    while (++propsIndex < propsLength) {
      var key = props[propsIndex];
      var value = object[key];
      if (value === void 0 || eq_default(value, objectProto17[key]) && !hasOwnProperty14.call(object, key)) {
        object[key] = source[key];
      }
    }
  }
  return object;
});
var defaults_default = defaults;

// node_modules/lodash-es/isArrayLikeObject.js
function isArrayLikeObject(value) {
  return isObjectLike_default(value) && isArrayLike_default(value);
}
var isArrayLikeObject_default = isArrayLikeObject;

// node_modules/lodash-es/_arrayIncludesWith.js
function arrayIncludesWith(array, value, comparator) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (comparator(value, array[index])) {
      return true;
    }
  }
  return false;
}
var arrayIncludesWith_default = arrayIncludesWith;

// node_modules/lodash-es/_baseDifference.js
var LARGE_ARRAY_SIZE2 = 200;
function baseDifference(array, values2, iteratee, comparator) {
  var index = -1, includes2 = arrayIncludes_default, isCommon = true, length = array.length, result = [], valuesLength = values2.length;
  if (!length) {
    return result;
  }
  if (iteratee) {
    values2 = arrayMap_default(values2, baseUnary_default(iteratee));
  }
  if (comparator) {
    includes2 = arrayIncludesWith_default;
    isCommon = false;
  } else if (values2.length >= LARGE_ARRAY_SIZE2) {
    includes2 = cacheHas_default;
    isCommon = false;
    values2 = new SetCache_default(values2);
  }
  outer:
    while (++index < length) {
      var value = array[index], computed = iteratee == null ? value : iteratee(value);
      value = comparator || value !== 0 ? value : 0;
      if (isCommon && computed === computed) {
        var valuesIndex = valuesLength;
        while (valuesIndex--) {
          if (values2[valuesIndex] === computed) {
            continue outer;
          }
        }
        result.push(value);
      } else if (!includes2(values2, computed, comparator)) {
        result.push(value);
      }
    }
  return result;
}
var baseDifference_default = baseDifference;

// node_modules/lodash-es/difference.js
var difference = baseRest_default(function(array, values2) {
  return isArrayLikeObject_default(array) ? baseDifference_default(array, baseFlatten_default(values2, 1, isArrayLikeObject_default, true)) : [];
});
var difference_default = difference;

// node_modules/lodash-es/last.js
function last(array) {
  var length = array == null ? 0 : array.length;
  return length ? array[length - 1] : void 0;
}
var last_default = last;

// node_modules/lodash-es/drop.js
function drop(array, n, guard) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return [];
  }
  n = guard || n === void 0 ? 1 : toInteger_default(n);
  return baseSlice_default(array, n < 0 ? 0 : n, length);
}
var drop_default = drop;

// node_modules/lodash-es/dropRight.js
function dropRight(array, n, guard) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return [];
  }
  n = guard || n === void 0 ? 1 : toInteger_default(n);
  n = length - n;
  return baseSlice_default(array, 0, n < 0 ? 0 : n);
}
var dropRight_default = dropRight;

// node_modules/lodash-es/_castFunction.js
function castFunction(value) {
  return typeof value == "function" ? value : identity_default;
}
var castFunction_default = castFunction;

// node_modules/lodash-es/forEach.js
function forEach(collection, iteratee) {
  var func = isArray_default(collection) ? arrayEach_default : baseEach_default;
  return func(collection, castFunction_default(iteratee));
}
var forEach_default = forEach;

// node_modules/lodash-es/_arrayEvery.js
function arrayEvery(array, predicate) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (!predicate(array[index], index, array)) {
      return false;
    }
  }
  return true;
}
var arrayEvery_default = arrayEvery;

// node_modules/lodash-es/_baseEvery.js
function baseEvery(collection, predicate) {
  var result = true;
  baseEach_default(collection, function(value, index, collection2) {
    result = !!predicate(value, index, collection2);
    return result;
  });
  return result;
}
var baseEvery_default = baseEvery;

// node_modules/lodash-es/every.js
function every(collection, predicate, guard) {
  var func = isArray_default(collection) ? arrayEvery_default : baseEvery_default;
  if (guard && isIterateeCall_default(collection, predicate, guard)) {
    predicate = void 0;
  }
  return func(collection, baseIteratee_default(predicate, 3));
}
var every_default = every;

// node_modules/lodash-es/_baseFilter.js
function baseFilter(collection, predicate) {
  var result = [];
  baseEach_default(collection, function(value, index, collection2) {
    if (predicate(value, index, collection2)) {
      result.push(value);
    }
  });
  return result;
}
var baseFilter_default = baseFilter;

// node_modules/lodash-es/filter.js
function filter(collection, predicate) {
  var func = isArray_default(collection) ? arrayFilter_default : baseFilter_default;
  return func(collection, baseIteratee_default(predicate, 3));
}
var filter_default = filter;

// node_modules/lodash-es/_createFind.js
function createFind(findIndexFunc) {
  return function(collection, predicate, fromIndex) {
    var iterable = Object(collection);
    if (!isArrayLike_default(collection)) {
      var iteratee = baseIteratee_default(predicate, 3);
      collection = keys_default(collection);
      predicate = function(key) {
        return iteratee(iterable[key], key, iterable);
      };
    }
    var index = findIndexFunc(collection, predicate, fromIndex);
    return index > -1 ? iterable[iteratee ? collection[index] : index] : void 0;
  };
}
var createFind_default = createFind;

// node_modules/lodash-es/findIndex.js
var nativeMax2 = Math.max;
function findIndex(array, predicate, fromIndex) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return -1;
  }
  var index = fromIndex == null ? 0 : toInteger_default(fromIndex);
  if (index < 0) {
    index = nativeMax2(length + index, 0);
  }
  return baseFindIndex_default(array, baseIteratee_default(predicate, 3), index);
}
var findIndex_default = findIndex;

// node_modules/lodash-es/find.js
var find = createFind_default(findIndex_default);
var find_default = find;

// node_modules/lodash-es/head.js
function head(array) {
  return array && array.length ? array[0] : void 0;
}
var head_default = head;

// node_modules/lodash-es/_baseMap.js
function baseMap(collection, iteratee) {
  var index = -1, result = isArrayLike_default(collection) ? Array(collection.length) : [];
  baseEach_default(collection, function(value, key, collection2) {
    result[++index] = iteratee(value, key, collection2);
  });
  return result;
}
var baseMap_default = baseMap;

// node_modules/lodash-es/map.js
function map(collection, iteratee) {
  var func = isArray_default(collection) ? arrayMap_default : baseMap_default;
  return func(collection, baseIteratee_default(iteratee, 3));
}
var map_default = map;

// node_modules/lodash-es/flatMap.js
function flatMap(collection, iteratee) {
  return baseFlatten_default(map_default(collection, iteratee), 1);
}
var flatMap_default = flatMap;

// node_modules/lodash-es/groupBy.js
var objectProto18 = Object.prototype;
var hasOwnProperty15 = objectProto18.hasOwnProperty;
var groupBy = createAggregator_default(function(result, value, key) {
  if (hasOwnProperty15.call(result, key)) {
    result[key].push(value);
  } else {
    baseAssignValue_default(result, key, [value]);
  }
});
var groupBy_default = groupBy;

// node_modules/lodash-es/_baseHas.js
var objectProto19 = Object.prototype;
var hasOwnProperty16 = objectProto19.hasOwnProperty;
function baseHas(object, key) {
  return object != null && hasOwnProperty16.call(object, key);
}
var baseHas_default = baseHas;

// node_modules/lodash-es/has.js
function has(object, path) {
  return object != null && hasPath_default(object, path, baseHas_default);
}
var has_default = has;

// node_modules/lodash-es/isString.js
var stringTag5 = "[object String]";
function isString(value) {
  return typeof value == "string" || !isArray_default(value) && isObjectLike_default(value) && baseGetTag_default(value) == stringTag5;
}
var isString_default = isString;

// node_modules/lodash-es/_baseValues.js
function baseValues(object, props) {
  return arrayMap_default(props, function(key) {
    return object[key];
  });
}
var baseValues_default = baseValues;

// node_modules/lodash-es/values.js
function values(object) {
  return object == null ? [] : baseValues_default(object, keys_default(object));
}
var values_default = values;

// node_modules/lodash-es/includes.js
var nativeMax3 = Math.max;
function includes(collection, value, fromIndex, guard) {
  collection = isArrayLike_default(collection) ? collection : values_default(collection);
  fromIndex = fromIndex && !guard ? toInteger_default(fromIndex) : 0;
  var length = collection.length;
  if (fromIndex < 0) {
    fromIndex = nativeMax3(length + fromIndex, 0);
  }
  return isString_default(collection) ? fromIndex <= length && collection.indexOf(value, fromIndex) > -1 : !!length && baseIndexOf_default(collection, value, fromIndex) > -1;
}
var includes_default = includes;

// node_modules/lodash-es/indexOf.js
var nativeMax4 = Math.max;
function indexOf(array, value, fromIndex) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return -1;
  }
  var index = fromIndex == null ? 0 : toInteger_default(fromIndex);
  if (index < 0) {
    index = nativeMax4(length + index, 0);
  }
  return baseIndexOf_default(array, value, index);
}
var indexOf_default = indexOf;

// node_modules/lodash-es/isEmpty.js
var mapTag7 = "[object Map]";
var setTag7 = "[object Set]";
var objectProto20 = Object.prototype;
var hasOwnProperty17 = objectProto20.hasOwnProperty;
function isEmpty(value) {
  if (value == null) {
    return true;
  }
  if (isArrayLike_default(value) && (isArray_default(value) || typeof value == "string" || typeof value.splice == "function" || isBuffer_default(value) || isTypedArray_default(value) || isArguments_default(value))) {
    return !value.length;
  }
  var tag = getTag_default(value);
  if (tag == mapTag7 || tag == setTag7) {
    return !value.size;
  }
  if (isPrototype_default(value)) {
    return !baseKeys_default(value).length;
  }
  for (var key in value) {
    if (hasOwnProperty17.call(value, key)) {
      return false;
    }
  }
  return true;
}
var isEmpty_default = isEmpty;

// node_modules/lodash-es/_baseIsRegExp.js
var regexpTag5 = "[object RegExp]";
function baseIsRegExp(value) {
  return isObjectLike_default(value) && baseGetTag_default(value) == regexpTag5;
}
var baseIsRegExp_default = baseIsRegExp;

// node_modules/lodash-es/isRegExp.js
var nodeIsRegExp = nodeUtil_default && nodeUtil_default.isRegExp;
var isRegExp = nodeIsRegExp ? baseUnary_default(nodeIsRegExp) : baseIsRegExp_default;
var isRegExp_default = isRegExp;

// node_modules/lodash-es/isUndefined.js
function isUndefined(value) {
  return value === void 0;
}
var isUndefined_default = isUndefined;

// node_modules/lodash-es/negate.js
var FUNC_ERROR_TEXT2 = "Expected a function";
function negate(predicate) {
  if (typeof predicate != "function") {
    throw new TypeError(FUNC_ERROR_TEXT2);
  }
  return function() {
    var args = arguments;
    switch (args.length) {
      case 0:
        return !predicate.call(this);
      case 1:
        return !predicate.call(this, args[0]);
      case 2:
        return !predicate.call(this, args[0], args[1]);
      case 3:
        return !predicate.call(this, args[0], args[1], args[2]);
    }
    return !predicate.apply(this, args);
  };
}
var negate_default = negate;

// node_modules/lodash-es/_baseSet.js
function baseSet(object, path, value, customizer) {
  if (!isObject_default(object)) {
    return object;
  }
  path = castPath_default(path, object);
  var index = -1, length = path.length, lastIndex = length - 1, nested = object;
  while (nested != null && ++index < length) {
    var key = toKey_default(path[index]), newValue = value;
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      return object;
    }
    if (index != lastIndex) {
      var objValue = nested[key];
      newValue = customizer ? customizer(objValue, key, nested) : void 0;
      if (newValue === void 0) {
        newValue = isObject_default(objValue) ? objValue : isIndex_default(path[index + 1]) ? [] : {};
      }
    }
    assignValue_default(nested, key, newValue);
    nested = nested[key];
  }
  return object;
}
var baseSet_default = baseSet;

// node_modules/lodash-es/_basePickBy.js
function basePickBy(object, paths, predicate) {
  var index = -1, length = paths.length, result = {};
  while (++index < length) {
    var path = paths[index], value = baseGet_default(object, path);
    if (predicate(value, path)) {
      baseSet_default(result, castPath_default(path, object), value);
    }
  }
  return result;
}
var basePickBy_default = basePickBy;

// node_modules/lodash-es/pickBy.js
function pickBy(object, predicate) {
  if (object == null) {
    return {};
  }
  var props = arrayMap_default(getAllKeysIn_default(object), function(prop) {
    return [prop];
  });
  predicate = baseIteratee_default(predicate);
  return basePickBy_default(object, props, function(value, path) {
    return predicate(value, path[0]);
  });
}
var pickBy_default = pickBy;

// node_modules/lodash-es/_baseReduce.js
function baseReduce(collection, iteratee, accumulator, initAccum, eachFunc) {
  eachFunc(collection, function(value, index, collection2) {
    accumulator = initAccum ? (initAccum = false, value) : iteratee(accumulator, value, index, collection2);
  });
  return accumulator;
}
var baseReduce_default = baseReduce;

// node_modules/lodash-es/reduce.js
function reduce(collection, iteratee, accumulator) {
  var func = isArray_default(collection) ? arrayReduce_default : baseReduce_default, initAccum = arguments.length < 3;
  return func(collection, baseIteratee_default(iteratee, 4), accumulator, initAccum, baseEach_default);
}
var reduce_default = reduce;

// node_modules/lodash-es/reject.js
function reject(collection, predicate) {
  var func = isArray_default(collection) ? arrayFilter_default : baseFilter_default;
  return func(collection, negate_default(baseIteratee_default(predicate, 3)));
}
var reject_default = reject;

// node_modules/lodash-es/_baseSome.js
function baseSome(collection, predicate) {
  var result;
  baseEach_default(collection, function(value, index, collection2) {
    result = predicate(value, index, collection2);
    return !result;
  });
  return !!result;
}
var baseSome_default = baseSome;

// node_modules/lodash-es/some.js
function some(collection, predicate, guard) {
  var func = isArray_default(collection) ? arraySome_default : baseSome_default;
  if (guard && isIterateeCall_default(collection, predicate, guard)) {
    predicate = void 0;
  }
  return func(collection, baseIteratee_default(predicate, 3));
}
var some_default = some;

// node_modules/lodash-es/_createSet.js
var INFINITY4 = 1 / 0;
var createSet = !(Set_default && 1 / setToArray_default(new Set_default([, -0]))[1] == INFINITY4) ? noop_default : function(values2) {
  return new Set_default(values2);
};
var createSet_default = createSet;

// node_modules/lodash-es/_baseUniq.js
var LARGE_ARRAY_SIZE3 = 200;
function baseUniq(array, iteratee, comparator) {
  var index = -1, includes2 = arrayIncludes_default, length = array.length, isCommon = true, result = [], seen = result;
  if (comparator) {
    isCommon = false;
    includes2 = arrayIncludesWith_default;
  } else if (length >= LARGE_ARRAY_SIZE3) {
    var set = iteratee ? null : createSet_default(array);
    if (set) {
      return setToArray_default(set);
    }
    isCommon = false;
    includes2 = cacheHas_default;
    seen = new SetCache_default();
  } else {
    seen = iteratee ? [] : result;
  }
  outer:
    while (++index < length) {
      var value = array[index], computed = iteratee ? iteratee(value) : value;
      value = comparator || value !== 0 ? value : 0;
      if (isCommon && computed === computed) {
        var seenIndex = seen.length;
        while (seenIndex--) {
          if (seen[seenIndex] === computed) {
            continue outer;
          }
        }
        if (iteratee) {
          seen.push(computed);
        }
        result.push(value);
      } else if (!includes2(seen, computed, comparator)) {
        if (seen !== result) {
          seen.push(computed);
        }
        result.push(value);
      }
    }
  return result;
}
var baseUniq_default = baseUniq;

// node_modules/lodash-es/uniq.js
function uniq(array) {
  return array && array.length ? baseUniq_default(array) : [];
}
var uniq_default = uniq;

// node_modules/@chevrotain/utils/lib/src/print.js
function PRINT_ERROR(msg) {
  if (console && console.error) {
    console.error(`Error: ${msg}`);
  }
}
function PRINT_WARNING(msg) {
  if (console && console.warn) {
    console.warn(`Warning: ${msg}`);
  }
}

// node_modules/@chevrotain/utils/lib/src/timer.js
function timer(func) {
  const start = (/* @__PURE__ */ new Date()).getTime();
  const val = func();
  const end = (/* @__PURE__ */ new Date()).getTime();
  const total = end - start;
  return { time: total, value: val };
}

// node_modules/@chevrotain/utils/lib/src/to-fast-properties.js
function toFastProperties(toBecomeFast) {
  function FakeConstructor() {
  }
  FakeConstructor.prototype = toBecomeFast;
  const fakeInstance = new FakeConstructor();
  function fakeAccess() {
    return typeof fakeInstance.bar;
  }
  fakeAccess();
  fakeAccess();
  if (1)
    return toBecomeFast;
  (0, eval)(toBecomeFast);
}

// node_modules/@chevrotain/gast/lib/src/model.js
function tokenLabel(tokType) {
  if (hasTokenLabel(tokType)) {
    return tokType.LABEL;
  } else {
    return tokType.name;
  }
}
function hasTokenLabel(obj) {
  return isString_default(obj.LABEL) && obj.LABEL !== "";
}
var AbstractProduction = class {
  get definition() {
    return this._definition;
  }
  set definition(value) {
    this._definition = value;
  }
  constructor(_definition) {
    this._definition = _definition;
  }
  accept(visitor) {
    visitor.visit(this);
    forEach_default(this.definition, (prod) => {
      prod.accept(visitor);
    });
  }
};
var NonTerminal = class extends AbstractProduction {
  constructor(options) {
    super([]);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
  set definition(definition) {
  }
  get definition() {
    if (this.referencedRule !== void 0) {
      return this.referencedRule.definition;
    }
    return [];
  }
  accept(visitor) {
    visitor.visit(this);
  }
};
var Rule = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.orgText = "";
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Alternative = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.ignoreAmbiguities = false;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Option = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var RepetitionMandatory = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var RepetitionMandatoryWithSeparator = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Repetition = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var RepetitionWithSeparator = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Alternation = class extends AbstractProduction {
  get definition() {
    return this._definition;
  }
  set definition(value) {
    this._definition = value;
  }
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    this.ignoreAmbiguities = false;
    this.hasPredicates = false;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Terminal = class {
  constructor(options) {
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
  accept(visitor) {
    visitor.visit(this);
  }
};
function serializeGrammar(topRules) {
  return map_default(topRules, serializeProduction);
}
function serializeProduction(node) {
  function convertDefinition(definition) {
    return map_default(definition, serializeProduction);
  }
  if (node instanceof NonTerminal) {
    const serializedNonTerminal = {
      type: "NonTerminal",
      name: node.nonTerminalName,
      idx: node.idx
    };
    if (isString_default(node.label)) {
      serializedNonTerminal.label = node.label;
    }
    return serializedNonTerminal;
  } else if (node instanceof Alternative) {
    return {
      type: "Alternative",
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Option) {
    return {
      type: "Option",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof RepetitionMandatory) {
    return {
      type: "RepetitionMandatory",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof RepetitionMandatoryWithSeparator) {
    return {
      type: "RepetitionMandatoryWithSeparator",
      idx: node.idx,
      separator: serializeProduction(new Terminal({ terminalType: node.separator })),
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof RepetitionWithSeparator) {
    return {
      type: "RepetitionWithSeparator",
      idx: node.idx,
      separator: serializeProduction(new Terminal({ terminalType: node.separator })),
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Repetition) {
    return {
      type: "Repetition",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Alternation) {
    return {
      type: "Alternation",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Terminal) {
    const serializedTerminal = {
      type: "Terminal",
      name: node.terminalType.name,
      label: tokenLabel(node.terminalType),
      idx: node.idx
    };
    if (isString_default(node.label)) {
      serializedTerminal.terminalLabel = node.label;
    }
    const pattern = node.terminalType.PATTERN;
    if (node.terminalType.PATTERN) {
      serializedTerminal.pattern = isRegExp_default(pattern) ? pattern.source : pattern;
    }
    return serializedTerminal;
  } else if (node instanceof Rule) {
    return {
      type: "Rule",
      name: node.name,
      orgText: node.orgText,
      definition: convertDefinition(node.definition)
    };
  } else {
    throw Error("non exhaustive match");
  }
}

// node_modules/@chevrotain/gast/lib/src/visitor.js
var GAstVisitor = class {
  visit(node) {
    const nodeAny = node;
    switch (nodeAny.constructor) {
      case NonTerminal:
        return this.visitNonTerminal(nodeAny);
      case Alternative:
        return this.visitAlternative(nodeAny);
      case Option:
        return this.visitOption(nodeAny);
      case RepetitionMandatory:
        return this.visitRepetitionMandatory(nodeAny);
      case RepetitionMandatoryWithSeparator:
        return this.visitRepetitionMandatoryWithSeparator(nodeAny);
      case RepetitionWithSeparator:
        return this.visitRepetitionWithSeparator(nodeAny);
      case Repetition:
        return this.visitRepetition(nodeAny);
      case Alternation:
        return this.visitAlternation(nodeAny);
      case Terminal:
        return this.visitTerminal(nodeAny);
      case Rule:
        return this.visitRule(nodeAny);
      /* c8 ignore next 2 */
      default:
        throw Error("non exhaustive match");
    }
  }
  /* c8 ignore next */
  visitNonTerminal(node) {
  }
  /* c8 ignore next */
  visitAlternative(node) {
  }
  /* c8 ignore next */
  visitOption(node) {
  }
  /* c8 ignore next */
  visitRepetition(node) {
  }
  /* c8 ignore next */
  visitRepetitionMandatory(node) {
  }
  /* c8 ignore next 3 */
  visitRepetitionMandatoryWithSeparator(node) {
  }
  /* c8 ignore next */
  visitRepetitionWithSeparator(node) {
  }
  /* c8 ignore next */
  visitAlternation(node) {
  }
  /* c8 ignore next */
  visitTerminal(node) {
  }
  /* c8 ignore next */
  visitRule(node) {
  }
};

// node_modules/@chevrotain/gast/lib/src/helpers.js
function isSequenceProd(prod) {
  return prod instanceof Alternative || prod instanceof Option || prod instanceof Repetition || prod instanceof RepetitionMandatory || prod instanceof RepetitionMandatoryWithSeparator || prod instanceof RepetitionWithSeparator || prod instanceof Terminal || prod instanceof Rule;
}
function isOptionalProd(prod, alreadyVisited = []) {
  const isDirectlyOptional = prod instanceof Option || prod instanceof Repetition || prod instanceof RepetitionWithSeparator;
  if (isDirectlyOptional) {
    return true;
  }
  if (prod instanceof Alternation) {
    return some_default(prod.definition, (subProd) => {
      return isOptionalProd(subProd, alreadyVisited);
    });
  } else if (prod instanceof NonTerminal && includes_default(alreadyVisited, prod)) {
    return false;
  } else if (prod instanceof AbstractProduction) {
    if (prod instanceof NonTerminal) {
      alreadyVisited.push(prod);
    }
    return every_default(prod.definition, (subProd) => {
      return isOptionalProd(subProd, alreadyVisited);
    });
  } else {
    return false;
  }
}
function isBranchingProd(prod) {
  return prod instanceof Alternation;
}
function getProductionDslName(prod) {
  if (prod instanceof NonTerminal) {
    return "SUBRULE";
  } else if (prod instanceof Option) {
    return "OPTION";
  } else if (prod instanceof Alternation) {
    return "OR";
  } else if (prod instanceof RepetitionMandatory) {
    return "AT_LEAST_ONE";
  } else if (prod instanceof RepetitionMandatoryWithSeparator) {
    return "AT_LEAST_ONE_SEP";
  } else if (prod instanceof RepetitionWithSeparator) {
    return "MANY_SEP";
  } else if (prod instanceof Repetition) {
    return "MANY";
  } else if (prod instanceof Terminal) {
    return "CONSUME";
  } else {
    throw Error("non exhaustive match");
  }
}

// node_modules/chevrotain/lib/src/parse/grammar/rest.js
var RestWalker = class {
  walk(prod, prevRest = []) {
    forEach_default(prod.definition, (subProd, index) => {
      const currRest = drop_default(prod.definition, index + 1);
      if (subProd instanceof NonTerminal) {
        this.walkProdRef(subProd, currRest, prevRest);
      } else if (subProd instanceof Terminal) {
        this.walkTerminal(subProd, currRest, prevRest);
      } else if (subProd instanceof Alternative) {
        this.walkFlat(subProd, currRest, prevRest);
      } else if (subProd instanceof Option) {
        this.walkOption(subProd, currRest, prevRest);
      } else if (subProd instanceof RepetitionMandatory) {
        this.walkAtLeastOne(subProd, currRest, prevRest);
      } else if (subProd instanceof RepetitionMandatoryWithSeparator) {
        this.walkAtLeastOneSep(subProd, currRest, prevRest);
      } else if (subProd instanceof RepetitionWithSeparator) {
        this.walkManySep(subProd, currRest, prevRest);
      } else if (subProd instanceof Repetition) {
        this.walkMany(subProd, currRest, prevRest);
      } else if (subProd instanceof Alternation) {
        this.walkOr(subProd, currRest, prevRest);
      } else {
        throw Error("non exhaustive match");
      }
    });
  }
  walkTerminal(terminal, currRest, prevRest) {
  }
  walkProdRef(refProd, currRest, prevRest) {
  }
  walkFlat(flatProd, currRest, prevRest) {
    const fullOrRest = currRest.concat(prevRest);
    this.walk(flatProd, fullOrRest);
  }
  walkOption(optionProd, currRest, prevRest) {
    const fullOrRest = currRest.concat(prevRest);
    this.walk(optionProd, fullOrRest);
  }
  walkAtLeastOne(atLeastOneProd, currRest, prevRest) {
    const fullAtLeastOneRest = [
      new Option({ definition: atLeastOneProd.definition })
    ].concat(currRest, prevRest);
    this.walk(atLeastOneProd, fullAtLeastOneRest);
  }
  walkAtLeastOneSep(atLeastOneSepProd, currRest, prevRest) {
    const fullAtLeastOneSepRest = restForRepetitionWithSeparator(atLeastOneSepProd, currRest, prevRest);
    this.walk(atLeastOneSepProd, fullAtLeastOneSepRest);
  }
  walkMany(manyProd, currRest, prevRest) {
    const fullManyRest = [
      new Option({ definition: manyProd.definition })
    ].concat(currRest, prevRest);
    this.walk(manyProd, fullManyRest);
  }
  walkManySep(manySepProd, currRest, prevRest) {
    const fullManySepRest = restForRepetitionWithSeparator(manySepProd, currRest, prevRest);
    this.walk(manySepProd, fullManySepRest);
  }
  walkOr(orProd, currRest, prevRest) {
    const fullOrRest = currRest.concat(prevRest);
    forEach_default(orProd.definition, (alt) => {
      const prodWrapper = new Alternative({ definition: [alt] });
      this.walk(prodWrapper, fullOrRest);
    });
  }
};
function restForRepetitionWithSeparator(repSepProd, currRest, prevRest) {
  const repSepRest = [
    new Option({
      definition: [
        new Terminal({ terminalType: repSepProd.separator })
      ].concat(repSepProd.definition)
    })
  ];
  const fullRepSepRest = repSepRest.concat(currRest, prevRest);
  return fullRepSepRest;
}

// node_modules/chevrotain/lib/src/parse/grammar/first.js
function first(prod) {
  if (prod instanceof NonTerminal) {
    return first(prod.referencedRule);
  } else if (prod instanceof Terminal) {
    return firstForTerminal(prod);
  } else if (isSequenceProd(prod)) {
    return firstForSequence(prod);
  } else if (isBranchingProd(prod)) {
    return firstForBranching(prod);
  } else {
    throw Error("non exhaustive match");
  }
}
function firstForSequence(prod) {
  let firstSet = [];
  const seq = prod.definition;
  let nextSubProdIdx = 0;
  let hasInnerProdsRemaining = seq.length > nextSubProdIdx;
  let currSubProd;
  let isLastInnerProdOptional = true;
  while (hasInnerProdsRemaining && isLastInnerProdOptional) {
    currSubProd = seq[nextSubProdIdx];
    isLastInnerProdOptional = isOptionalProd(currSubProd);
    firstSet = firstSet.concat(first(currSubProd));
    nextSubProdIdx = nextSubProdIdx + 1;
    hasInnerProdsRemaining = seq.length > nextSubProdIdx;
  }
  return uniq_default(firstSet);
}
function firstForBranching(prod) {
  const allAlternativesFirsts = map_default(prod.definition, (innerProd) => {
    return first(innerProd);
  });
  return uniq_default(flatten_default(allAlternativesFirsts));
}
function firstForTerminal(terminal) {
  return [terminal.terminalType];
}

// node_modules/chevrotain/lib/src/parse/constants.js
var IN = "_~IN~_";

// node_modules/chevrotain/lib/src/parse/grammar/follow.js
var ResyncFollowsWalker = class extends RestWalker {
  constructor(topProd) {
    super();
    this.topProd = topProd;
    this.follows = {};
  }
  startWalking() {
    this.walk(this.topProd);
    return this.follows;
  }
  walkTerminal(terminal, currRest, prevRest) {
  }
  walkProdRef(refProd, currRest, prevRest) {
    const followName = buildBetweenProdsFollowPrefix(refProd.referencedRule, refProd.idx) + this.topProd.name;
    const fullRest = currRest.concat(prevRest);
    const restProd = new Alternative({ definition: fullRest });
    const t_in_topProd_follows = first(restProd);
    this.follows[followName] = t_in_topProd_follows;
  }
};
function computeAllProdsFollows(topProductions) {
  const reSyncFollows = {};
  forEach_default(topProductions, (topProd) => {
    const currRefsFollow = new ResyncFollowsWalker(topProd).startWalking();
    assign_default(reSyncFollows, currRefsFollow);
  });
  return reSyncFollows;
}
function buildBetweenProdsFollowPrefix(inner, occurenceInParent) {
  return inner.name + occurenceInParent + IN;
}

// node_modules/@chevrotain/regexp-to-ast/lib/src/utils.js
function cc(char) {
  return char.charCodeAt(0);
}
function insertToSet(item, set) {
  if (Array.isArray(item)) {
    item.forEach(function(subItem) {
      set.push(subItem);
    });
  } else {
    set.push(item);
  }
}
function addFlag(flagObj, flagKey) {
  if (flagObj[flagKey] === true) {
    throw "duplicate flag " + flagKey;
  }
  const x = flagObj[flagKey];
  flagObj[flagKey] = true;
}
function ASSERT_EXISTS(obj) {
  if (obj === void 0) {
    throw Error("Internal Error - Should never get here!");
  }
  return true;
}
function ASSERT_NEVER_REACH_HERE() {
  throw Error("Internal Error - Should never get here!");
}
function isCharacter(obj) {
  return obj["type"] === "Character";
}

// node_modules/@chevrotain/regexp-to-ast/lib/src/character-classes.js
var digitsCharCodes = [];
for (let i = cc("0"); i <= cc("9"); i++) {
  digitsCharCodes.push(i);
}
var wordCharCodes = [cc("_")].concat(digitsCharCodes);
for (let i = cc("a"); i <= cc("z"); i++) {
  wordCharCodes.push(i);
}
for (let i = cc("A"); i <= cc("Z"); i++) {
  wordCharCodes.push(i);
}
var whitespaceCodes = [
  cc(" "),
  cc("\f"),
  cc("\n"),
  cc("\r"),
  cc("	"),
  cc("\v"),
  cc("	"),
  cc("\xA0"),
  cc("\u1680"),
  cc("\u2000"),
  cc("\u2001"),
  cc("\u2002"),
  cc("\u2003"),
  cc("\u2004"),
  cc("\u2005"),
  cc("\u2006"),
  cc("\u2007"),
  cc("\u2008"),
  cc("\u2009"),
  cc("\u200A"),
  cc("\u2028"),
  cc("\u2029"),
  cc("\u202F"),
  cc("\u205F"),
  cc("\u3000"),
  cc("\uFEFF")
];

// node_modules/@chevrotain/regexp-to-ast/lib/src/regexp-parser.js
var hexDigitPattern = /[0-9a-fA-F]/;
var decimalPattern = /[0-9]/;
var decimalPatternNoZero = /[1-9]/;
var RegExpParser = class {
  constructor() {
    this.idx = 0;
    this.input = "";
    this.groupIdx = 0;
  }
  saveState() {
    return {
      idx: this.idx,
      input: this.input,
      groupIdx: this.groupIdx
    };
  }
  restoreState(newState) {
    this.idx = newState.idx;
    this.input = newState.input;
    this.groupIdx = newState.groupIdx;
  }
  pattern(input) {
    this.idx = 0;
    this.input = input;
    this.groupIdx = 0;
    this.consumeChar("/");
    const value = this.disjunction();
    this.consumeChar("/");
    const flags = {
      type: "Flags",
      loc: { begin: this.idx, end: input.length },
      global: false,
      ignoreCase: false,
      multiLine: false,
      unicode: false,
      sticky: false
    };
    while (this.isRegExpFlag()) {
      switch (this.popChar()) {
        case "g":
          addFlag(flags, "global");
          break;
        case "i":
          addFlag(flags, "ignoreCase");
          break;
        case "m":
          addFlag(flags, "multiLine");
          break;
        case "u":
          addFlag(flags, "unicode");
          break;
        case "y":
          addFlag(flags, "sticky");
          break;
      }
    }
    if (this.idx !== this.input.length) {
      throw Error("Redundant input: " + this.input.substring(this.idx));
    }
    return {
      type: "Pattern",
      flags,
      value,
      loc: this.loc(0)
    };
  }
  disjunction() {
    const alts = [];
    const begin = this.idx;
    alts.push(this.alternative());
    while (this.peekChar() === "|") {
      this.consumeChar("|");
      alts.push(this.alternative());
    }
    return { type: "Disjunction", value: alts, loc: this.loc(begin) };
  }
  alternative() {
    const terms = [];
    const begin = this.idx;
    while (this.isTerm()) {
      terms.push(this.term());
    }
    return { type: "Alternative", value: terms, loc: this.loc(begin) };
  }
  term() {
    if (this.isAssertion()) {
      return this.assertion();
    } else {
      return this.atom();
    }
  }
  assertion() {
    const begin = this.idx;
    switch (this.popChar()) {
      case "^":
        return {
          type: "StartAnchor",
          loc: this.loc(begin)
        };
      case "$":
        return { type: "EndAnchor", loc: this.loc(begin) };
      // '\b' or '\B'
      case "\\":
        switch (this.popChar()) {
          case "b":
            return {
              type: "WordBoundary",
              loc: this.loc(begin)
            };
          case "B":
            return {
              type: "NonWordBoundary",
              loc: this.loc(begin)
            };
        }
        throw Error("Invalid Assertion Escape");
      // '(?=' or '(?!'
      case "(":
        this.consumeChar("?");
        let type;
        switch (this.popChar()) {
          case "=":
            type = "Lookahead";
            break;
          case "!":
            type = "NegativeLookahead";
            break;
          case "<": {
            switch (this.popChar()) {
              case "=":
                type = "Lookbehind";
                break;
              case "!":
                type = "NegativeLookbehind";
            }
            break;
          }
        }
        ASSERT_EXISTS(type);
        const disjunction = this.disjunction();
        this.consumeChar(")");
        return {
          type,
          value: disjunction,
          loc: this.loc(begin)
        };
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  quantifier(isBacktracking = false) {
    let range2 = void 0;
    const begin = this.idx;
    switch (this.popChar()) {
      case "*":
        range2 = {
          atLeast: 0,
          atMost: Infinity
        };
        break;
      case "+":
        range2 = {
          atLeast: 1,
          atMost: Infinity
        };
        break;
      case "?":
        range2 = {
          atLeast: 0,
          atMost: 1
        };
        break;
      case "{":
        const atLeast = this.integerIncludingZero();
        switch (this.popChar()) {
          case "}":
            range2 = {
              atLeast,
              atMost: atLeast
            };
            break;
          case ",":
            let atMost;
            if (this.isDigit()) {
              atMost = this.integerIncludingZero();
              range2 = {
                atLeast,
                atMost
              };
            } else {
              range2 = {
                atLeast,
                atMost: Infinity
              };
            }
            this.consumeChar("}");
            break;
        }
        if (isBacktracking === true && range2 === void 0) {
          return void 0;
        }
        ASSERT_EXISTS(range2);
        break;
    }
    if (isBacktracking === true && range2 === void 0) {
      return void 0;
    }
    if (ASSERT_EXISTS(range2)) {
      if (this.peekChar(0) === "?") {
        this.consumeChar("?");
        range2.greedy = false;
      } else {
        range2.greedy = true;
      }
      range2.type = "Quantifier";
      range2.loc = this.loc(begin);
      return range2;
    }
  }
  atom() {
    let atom;
    const begin = this.idx;
    switch (this.peekChar()) {
      case ".":
        atom = this.dotAll();
        break;
      case "\\":
        atom = this.atomEscape();
        break;
      case "[":
        atom = this.characterClass();
        break;
      case "(":
        atom = this.group();
        break;
    }
    if (atom === void 0 && this.isPatternCharacter()) {
      atom = this.patternCharacter();
    }
    if (ASSERT_EXISTS(atom)) {
      atom.loc = this.loc(begin);
      if (this.isQuantifier()) {
        atom.quantifier = this.quantifier();
      }
      return atom;
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  dotAll() {
    this.consumeChar(".");
    return {
      type: "Set",
      complement: true,
      value: [cc("\n"), cc("\r"), cc("\u2028"), cc("\u2029")]
    };
  }
  atomEscape() {
    this.consumeChar("\\");
    switch (this.peekChar()) {
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        return this.decimalEscapeAtom();
      case "d":
      case "D":
      case "s":
      case "S":
      case "w":
      case "W":
        return this.characterClassEscape();
      case "f":
      case "n":
      case "r":
      case "t":
      case "v":
        return this.controlEscapeAtom();
      case "c":
        return this.controlLetterEscapeAtom();
      case "0":
        return this.nulCharacterAtom();
      case "x":
        return this.hexEscapeSequenceAtom();
      case "u":
        return this.regExpUnicodeEscapeSequenceAtom();
      default:
        return this.identityEscapeAtom();
    }
  }
  decimalEscapeAtom() {
    const value = this.positiveInteger();
    return { type: "GroupBackReference", value };
  }
  characterClassEscape() {
    let set;
    let complement = false;
    switch (this.popChar()) {
      case "d":
        set = digitsCharCodes;
        break;
      case "D":
        set = digitsCharCodes;
        complement = true;
        break;
      case "s":
        set = whitespaceCodes;
        break;
      case "S":
        set = whitespaceCodes;
        complement = true;
        break;
      case "w":
        set = wordCharCodes;
        break;
      case "W":
        set = wordCharCodes;
        complement = true;
        break;
    }
    if (ASSERT_EXISTS(set)) {
      return { type: "Set", value: set, complement };
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  controlEscapeAtom() {
    let escapeCode;
    switch (this.popChar()) {
      case "f":
        escapeCode = cc("\f");
        break;
      case "n":
        escapeCode = cc("\n");
        break;
      case "r":
        escapeCode = cc("\r");
        break;
      case "t":
        escapeCode = cc("	");
        break;
      case "v":
        escapeCode = cc("\v");
        break;
    }
    if (ASSERT_EXISTS(escapeCode)) {
      return { type: "Character", value: escapeCode };
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  controlLetterEscapeAtom() {
    this.consumeChar("c");
    const letter = this.popChar();
    if (/[a-zA-Z]/.test(letter) === false) {
      throw Error("Invalid ");
    }
    const letterCode = letter.toUpperCase().charCodeAt(0) - 64;
    return { type: "Character", value: letterCode };
  }
  nulCharacterAtom() {
    this.consumeChar("0");
    return { type: "Character", value: cc("\0") };
  }
  hexEscapeSequenceAtom() {
    this.consumeChar("x");
    return this.parseHexDigits(2);
  }
  regExpUnicodeEscapeSequenceAtom() {
    this.consumeChar("u");
    return this.parseHexDigits(4);
  }
  identityEscapeAtom() {
    const escapedChar = this.popChar();
    return { type: "Character", value: cc(escapedChar) };
  }
  classPatternCharacterAtom() {
    switch (this.peekChar()) {
      // istanbul ignore next
      case "\n":
      // istanbul ignore next
      case "\r":
      // istanbul ignore next
      case "\u2028":
      // istanbul ignore next
      case "\u2029":
      // istanbul ignore next
      case "\\":
      // istanbul ignore next
      case "]":
        throw Error("TBD");
      default:
        const nextChar = this.popChar();
        return { type: "Character", value: cc(nextChar) };
    }
  }
  characterClass() {
    const set = [];
    let complement = false;
    this.consumeChar("[");
    if (this.peekChar(0) === "^") {
      this.consumeChar("^");
      complement = true;
    }
    while (this.isClassAtom()) {
      const from = this.classAtom();
      const isFromSingleChar = from.type === "Character";
      if (isCharacter(from) && this.isRangeDash()) {
        this.consumeChar("-");
        const to = this.classAtom();
        const isToSingleChar = to.type === "Character";
        if (isCharacter(to)) {
          if (to.value < from.value) {
            throw Error("Range out of order in character class");
          }
          set.push({ from: from.value, to: to.value });
        } else {
          insertToSet(from.value, set);
          set.push(cc("-"));
          insertToSet(to.value, set);
        }
      } else {
        insertToSet(from.value, set);
      }
    }
    this.consumeChar("]");
    return { type: "Set", complement, value: set };
  }
  classAtom() {
    switch (this.peekChar()) {
      // istanbul ignore next
      case "]":
      // istanbul ignore next
      case "\n":
      // istanbul ignore next
      case "\r":
      // istanbul ignore next
      case "\u2028":
      // istanbul ignore next
      case "\u2029":
        throw Error("TBD");
      case "\\":
        return this.classEscape();
      default:
        return this.classPatternCharacterAtom();
    }
  }
  classEscape() {
    this.consumeChar("\\");
    switch (this.peekChar()) {
      // Matches a backspace.
      // (Not to be confused with \b word boundary outside characterClass)
      case "b":
        this.consumeChar("b");
        return { type: "Character", value: cc("\b") };
      case "d":
      case "D":
      case "s":
      case "S":
      case "w":
      case "W":
        return this.characterClassEscape();
      case "f":
      case "n":
      case "r":
      case "t":
      case "v":
        return this.controlEscapeAtom();
      case "c":
        return this.controlLetterEscapeAtom();
      case "0":
        return this.nulCharacterAtom();
      case "x":
        return this.hexEscapeSequenceAtom();
      case "u":
        return this.regExpUnicodeEscapeSequenceAtom();
      default:
        return this.identityEscapeAtom();
    }
  }
  group() {
    let capturing = true;
    this.consumeChar("(");
    switch (this.peekChar(0)) {
      case "?":
        this.consumeChar("?");
        this.consumeChar(":");
        capturing = false;
        break;
      default:
        this.groupIdx++;
        break;
    }
    const value = this.disjunction();
    this.consumeChar(")");
    const groupAst = {
      type: "Group",
      capturing,
      value
    };
    if (capturing) {
      groupAst["idx"] = this.groupIdx;
    }
    return groupAst;
  }
  positiveInteger() {
    let number = this.popChar();
    if (decimalPatternNoZero.test(number) === false) {
      throw Error("Expecting a positive integer");
    }
    while (decimalPattern.test(this.peekChar(0))) {
      number += this.popChar();
    }
    return parseInt(number, 10);
  }
  integerIncludingZero() {
    let number = this.popChar();
    if (decimalPattern.test(number) === false) {
      throw Error("Expecting an integer");
    }
    while (decimalPattern.test(this.peekChar(0))) {
      number += this.popChar();
    }
    return parseInt(number, 10);
  }
  patternCharacter() {
    const nextChar = this.popChar();
    switch (nextChar) {
      // istanbul ignore next
      case "\n":
      // istanbul ignore next
      case "\r":
      // istanbul ignore next
      case "\u2028":
      // istanbul ignore next
      case "\u2029":
      // istanbul ignore next
      case "^":
      // istanbul ignore next
      case "$":
      // istanbul ignore next
      case "\\":
      // istanbul ignore next
      case ".":
      // istanbul ignore next
      case "*":
      // istanbul ignore next
      case "+":
      // istanbul ignore next
      case "?":
      // istanbul ignore next
      case "(":
      // istanbul ignore next
      case ")":
      // istanbul ignore next
      case "[":
      // istanbul ignore next
      case "|":
        throw Error("TBD");
      default:
        return { type: "Character", value: cc(nextChar) };
    }
  }
  isRegExpFlag() {
    switch (this.peekChar(0)) {
      case "g":
      case "i":
      case "m":
      case "u":
      case "y":
        return true;
      default:
        return false;
    }
  }
  isRangeDash() {
    return this.peekChar() === "-" && this.isClassAtom(1);
  }
  isDigit() {
    return decimalPattern.test(this.peekChar(0));
  }
  isClassAtom(howMuch = 0) {
    switch (this.peekChar(howMuch)) {
      case "]":
      case "\n":
      case "\r":
      case "\u2028":
      case "\u2029":
        return false;
      default:
        return true;
    }
  }
  isTerm() {
    return this.isAtom() || this.isAssertion();
  }
  isAtom() {
    if (this.isPatternCharacter()) {
      return true;
    }
    switch (this.peekChar(0)) {
      case ".":
      case "\\":
      // atomEscape
      case "[":
      // characterClass
      // TODO: isAtom must be called before isAssertion - disambiguate
      case "(":
        return true;
      default:
        return false;
    }
  }
  isAssertion() {
    switch (this.peekChar(0)) {
      case "^":
      case "$":
        return true;
      // '\b' or '\B'
      case "\\":
        switch (this.peekChar(1)) {
          case "b":
          case "B":
            return true;
          default:
            return false;
        }
      // '(?=' or '(?!' or `(?<=` or `(?<!`
      case "(":
        return this.peekChar(1) === "?" && (this.peekChar(2) === "=" || this.peekChar(2) === "!" || this.peekChar(2) === "<" && (this.peekChar(3) === "=" || this.peekChar(3) === "!"));
      default:
        return false;
    }
  }
  isQuantifier() {
    const prevState = this.saveState();
    try {
      return this.quantifier(true) !== void 0;
    } catch (e) {
      return false;
    } finally {
      this.restoreState(prevState);
    }
  }
  isPatternCharacter() {
    switch (this.peekChar()) {
      case "^":
      case "$":
      case "\\":
      case ".":
      case "*":
      case "+":
      case "?":
      case "(":
      case ")":
      case "[":
      case "|":
      case "/":
      case "\n":
      case "\r":
      case "\u2028":
      case "\u2029":
        return false;
      default:
        return true;
    }
  }
  parseHexDigits(howMany) {
    let hexString = "";
    for (let i = 0; i < howMany; i++) {
      const hexChar = this.popChar();
      if (hexDigitPattern.test(hexChar) === false) {
        throw Error("Expecting a HexDecimal digits");
      }
      hexString += hexChar;
    }
    const charCode = parseInt(hexString, 16);
    return { type: "Character", value: charCode };
  }
  peekChar(howMuch = 0) {
    return this.input[this.idx + howMuch];
  }
  popChar() {
    const nextChar = this.peekChar(0);
    this.consumeChar(void 0);
    return nextChar;
  }
  consumeChar(char) {
    if (char !== void 0 && this.input[this.idx] !== char) {
      throw Error("Expected: '" + char + "' but found: '" + this.input[this.idx] + "' at offset: " + this.idx);
    }
    if (this.idx >= this.input.length) {
      throw Error("Unexpected end of input");
    }
    this.idx++;
  }
  loc(begin) {
    return { begin, end: this.idx };
  }
};

// node_modules/@chevrotain/regexp-to-ast/lib/src/base-regexp-visitor.js
var BaseRegExpVisitor = class {
  visitChildren(node) {
    for (const key in node) {
      const child = node[key];
      if (node.hasOwnProperty(key)) {
        if (child.type !== void 0) {
          this.visit(child);
        } else if (Array.isArray(child)) {
          child.forEach((subChild) => {
            this.visit(subChild);
          }, this);
        }
      }
    }
  }
  visit(node) {
    switch (node.type) {
      case "Pattern":
        this.visitPattern(node);
        break;
      case "Flags":
        this.visitFlags(node);
        break;
      case "Disjunction":
        this.visitDisjunction(node);
        break;
      case "Alternative":
        this.visitAlternative(node);
        break;
      case "StartAnchor":
        this.visitStartAnchor(node);
        break;
      case "EndAnchor":
        this.visitEndAnchor(node);
        break;
      case "WordBoundary":
        this.visitWordBoundary(node);
        break;
      case "NonWordBoundary":
        this.visitNonWordBoundary(node);
        break;
      case "Lookahead":
        this.visitLookahead(node);
        break;
      case "NegativeLookahead":
        this.visitNegativeLookahead(node);
        break;
      case "Lookbehind":
        this.visitLookbehind(node);
        break;
      case "NegativeLookbehind":
        this.visitNegativeLookbehind(node);
        break;
      case "Character":
        this.visitCharacter(node);
        break;
      case "Set":
        this.visitSet(node);
        break;
      case "Group":
        this.visitGroup(node);
        break;
      case "GroupBackReference":
        this.visitGroupBackReference(node);
        break;
      case "Quantifier":
        this.visitQuantifier(node);
        break;
    }
    this.visitChildren(node);
  }
  visitPattern(node) {
  }
  visitFlags(node) {
  }
  visitDisjunction(node) {
  }
  visitAlternative(node) {
  }
  // Assertion
  visitStartAnchor(node) {
  }
  visitEndAnchor(node) {
  }
  visitWordBoundary(node) {
  }
  visitNonWordBoundary(node) {
  }
  visitLookahead(node) {
  }
  visitNegativeLookahead(node) {
  }
  visitLookbehind(node) {
  }
  visitNegativeLookbehind(node) {
  }
  // atoms
  visitCharacter(node) {
  }
  visitSet(node) {
  }
  visitGroup(node) {
  }
  visitGroupBackReference(node) {
  }
  visitQuantifier(node) {
  }
};

// node_modules/chevrotain/lib/src/scan/reg_exp_parser.js
var regExpAstCache = {};
var regExpParser = new RegExpParser();
function getRegExpAst(regExp) {
  const regExpStr = regExp.toString();
  if (regExpAstCache.hasOwnProperty(regExpStr)) {
    return regExpAstCache[regExpStr];
  } else {
    const regExpAst = regExpParser.pattern(regExpStr);
    regExpAstCache[regExpStr] = regExpAst;
    return regExpAst;
  }
}
function clearRegExpParserCache() {
  regExpAstCache = {};
}

// node_modules/chevrotain/lib/src/scan/reg_exp.js
var complementErrorMessage = "Complement Sets are not supported for first char optimization";
var failedOptimizationPrefixMsg = 'Unable to use "first char" lexer optimizations:\n';
function getOptimizedStartCodesIndices(regExp, ensureOptimizations = false) {
  try {
    const ast = getRegExpAst(regExp);
    const firstChars = firstCharOptimizedIndices(ast.value, {}, ast.flags.ignoreCase);
    return firstChars;
  } catch (e) {
    if (e.message === complementErrorMessage) {
      if (ensureOptimizations) {
        PRINT_WARNING(`${failedOptimizationPrefixMsg}	Unable to optimize: < ${regExp.toString()} >
	Complement Sets cannot be automatically optimized.
	This will disable the lexer's first char optimizations.
	See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#COMPLEMENT for details.`);
      }
    } else {
      let msgSuffix = "";
      if (ensureOptimizations) {
        msgSuffix = "\n	This will disable the lexer's first char optimizations.\n	See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#REGEXP_PARSING for details.";
      }
      PRINT_ERROR(`${failedOptimizationPrefixMsg}
	Failed parsing: < ${regExp.toString()} >
	Using the @chevrotain/regexp-to-ast library
	Please open an issue at: https://github.com/chevrotain/chevrotain/issues` + msgSuffix);
    }
  }
  return [];
}
function firstCharOptimizedIndices(ast, result, ignoreCase) {
  switch (ast.type) {
    case "Disjunction":
      for (let i = 0; i < ast.value.length; i++) {
        firstCharOptimizedIndices(ast.value[i], result, ignoreCase);
      }
      break;
    case "Alternative":
      const terms = ast.value;
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i];
        switch (term.type) {
          case "EndAnchor":
          // A group back reference cannot affect potential starting char.
          // because if a back reference is the first production than automatically
          // the group being referenced has had to come BEFORE so its codes have already been added
          case "GroupBackReference":
          // assertions do not affect potential starting codes
          case "Lookahead":
          case "NegativeLookahead":
          case "Lookbehind":
          case "NegativeLookbehind":
          case "StartAnchor":
          case "WordBoundary":
          case "NonWordBoundary":
            continue;
        }
        const atom = term;
        switch (atom.type) {
          case "Character":
            addOptimizedIdxToResult(atom.value, result, ignoreCase);
            break;
          case "Set":
            if (atom.complement === true) {
              throw Error(complementErrorMessage);
            }
            forEach_default(atom.value, (code) => {
              if (typeof code === "number") {
                addOptimizedIdxToResult(code, result, ignoreCase);
              } else {
                const range2 = code;
                if (ignoreCase === true) {
                  for (let rangeCode = range2.from; rangeCode <= range2.to; rangeCode++) {
                    addOptimizedIdxToResult(rangeCode, result, ignoreCase);
                  }
                } else {
                  for (let rangeCode = range2.from; rangeCode <= range2.to && rangeCode < minOptimizationVal; rangeCode++) {
                    addOptimizedIdxToResult(rangeCode, result, ignoreCase);
                  }
                  if (range2.to >= minOptimizationVal) {
                    const minUnOptVal = range2.from >= minOptimizationVal ? range2.from : minOptimizationVal;
                    const maxUnOptVal = range2.to;
                    const minOptIdx = charCodeToOptimizedIndex(minUnOptVal);
                    const maxOptIdx = charCodeToOptimizedIndex(maxUnOptVal);
                    for (let currOptIdx = minOptIdx; currOptIdx <= maxOptIdx; currOptIdx++) {
                      result[currOptIdx] = currOptIdx;
                    }
                  }
                }
              }
            });
            break;
          case "Group":
            firstCharOptimizedIndices(atom.value, result, ignoreCase);
            break;
          /* istanbul ignore next */
          default:
            throw Error("Non Exhaustive Match");
        }
        const isOptionalQuantifier = atom.quantifier !== void 0 && atom.quantifier.atLeast === 0;
        if (
          // A group may be optional due to empty contents /(?:)/
          // or if everything inside it is optional /((a)?)/
          atom.type === "Group" && isWholeOptional(atom) === false || // If this term is not a group it may only be optional if it has an optional quantifier
          atom.type !== "Group" && isOptionalQuantifier === false
        ) {
          break;
        }
      }
      break;
    /* istanbul ignore next */
    default:
      throw Error("non exhaustive match!");
  }
  return values_default(result);
}
function addOptimizedIdxToResult(code, result, ignoreCase) {
  const optimizedCharIdx = charCodeToOptimizedIndex(code);
  result[optimizedCharIdx] = optimizedCharIdx;
  if (ignoreCase === true) {
    handleIgnoreCase(code, result);
  }
}
function handleIgnoreCase(code, result) {
  const char = String.fromCharCode(code);
  const upperChar = char.toUpperCase();
  if (upperChar !== char) {
    const optimizedCharIdx = charCodeToOptimizedIndex(upperChar.charCodeAt(0));
    result[optimizedCharIdx] = optimizedCharIdx;
  } else {
    const lowerChar = char.toLowerCase();
    if (lowerChar !== char) {
      const optimizedCharIdx = charCodeToOptimizedIndex(lowerChar.charCodeAt(0));
      result[optimizedCharIdx] = optimizedCharIdx;
    }
  }
}
function findCode(setNode, targetCharCodes) {
  return find_default(setNode.value, (codeOrRange) => {
    if (typeof codeOrRange === "number") {
      return includes_default(targetCharCodes, codeOrRange);
    } else {
      const range2 = codeOrRange;
      return find_default(targetCharCodes, (targetCode) => range2.from <= targetCode && targetCode <= range2.to) !== void 0;
    }
  });
}
function isWholeOptional(ast) {
  const quantifier = ast.quantifier;
  if (quantifier && quantifier.atLeast === 0) {
    return true;
  }
  if (!ast.value) {
    return false;
  }
  return isArray_default(ast.value) ? every_default(ast.value, isWholeOptional) : isWholeOptional(ast.value);
}
var CharCodeFinder = class extends BaseRegExpVisitor {
  constructor(targetCharCodes) {
    super();
    this.targetCharCodes = targetCharCodes;
    this.found = false;
  }
  visitChildren(node) {
    if (this.found === true) {
      return;
    }
    switch (node.type) {
      case "Lookahead":
        this.visitLookahead(node);
        return;
      case "NegativeLookahead":
        this.visitNegativeLookahead(node);
        return;
      case "Lookbehind":
        this.visitLookbehind(node);
        return;
      case "NegativeLookbehind":
        this.visitNegativeLookbehind(node);
        return;
    }
    super.visitChildren(node);
  }
  visitCharacter(node) {
    if (includes_default(this.targetCharCodes, node.value)) {
      this.found = true;
    }
  }
  visitSet(node) {
    if (node.complement) {
      if (findCode(node, this.targetCharCodes) === void 0) {
        this.found = true;
      }
    } else {
      if (findCode(node, this.targetCharCodes) !== void 0) {
        this.found = true;
      }
    }
  }
};
function canMatchCharCode(charCodes, pattern) {
  if (pattern instanceof RegExp) {
    const ast = getRegExpAst(pattern);
    const charCodeFinder = new CharCodeFinder(charCodes);
    charCodeFinder.visit(ast);
    return charCodeFinder.found;
  } else {
    return find_default(pattern, (char) => {
      return includes_default(charCodes, char.charCodeAt(0));
    }) !== void 0;
  }
}

// node_modules/chevrotain/lib/src/scan/lexer.js
var PATTERN = "PATTERN";
var DEFAULT_MODE = "defaultMode";
var MODES = "modes";
function analyzeTokenTypes(tokenTypes, options) {
  options = defaults_default(options, {
    debug: false,
    safeMode: false,
    positionTracking: "full",
    lineTerminatorCharacters: ["\r", "\n"],
    tracer: (msg, action) => action()
  });
  const tracer = options.tracer;
  tracer("initCharCodeToOptimizedIndexMap", () => {
    initCharCodeToOptimizedIndexMap();
  });
  let onlyRelevantTypes;
  tracer("Reject Lexer.NA", () => {
    onlyRelevantTypes = reject_default(tokenTypes, (currType) => {
      return currType[PATTERN] === Lexer.NA;
    });
  });
  let hasCustom = false;
  let allTransformedPatterns;
  tracer("Transform Patterns", () => {
    hasCustom = false;
    allTransformedPatterns = map_default(onlyRelevantTypes, (currType) => {
      const currPattern = currType[PATTERN];
      if (isRegExp_default(currPattern)) {
        const regExpSource = currPattern.source;
        if (regExpSource.length === 1 && // only these regExp meta characters which can appear in a length one regExp
        regExpSource !== "^" && regExpSource !== "$" && regExpSource !== "." && !currPattern.ignoreCase) {
          return regExpSource;
        } else if (regExpSource.length === 2 && regExpSource[0] === "\\" && // not a meta character
        !includes_default([
          "d",
          "D",
          "s",
          "S",
          "t",
          "r",
          "n",
          "t",
          "0",
          "c",
          "b",
          "B",
          "f",
          "v",
          "w",
          "W"
        ], regExpSource[1])) {
          return regExpSource[1];
        } else {
          return addStickyFlag(currPattern);
        }
      } else if (isFunction_default(currPattern)) {
        hasCustom = true;
        return { exec: currPattern };
      } else if (typeof currPattern === "object") {
        hasCustom = true;
        return currPattern;
      } else if (typeof currPattern === "string") {
        if (currPattern.length === 1) {
          return currPattern;
        } else {
          const escapedRegExpString = currPattern.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
          const wrappedRegExp = new RegExp(escapedRegExpString);
          return addStickyFlag(wrappedRegExp);
        }
      } else {
        throw Error("non exhaustive match");
      }
    });
  });
  let patternIdxToType;
  let patternIdxToGroup;
  let patternIdxToLongerAltIdxArr;
  let patternIdxToPushMode;
  let patternIdxToPopMode;
  tracer("misc mapping", () => {
    patternIdxToType = map_default(onlyRelevantTypes, (currType) => currType.tokenTypeIdx);
    patternIdxToGroup = map_default(onlyRelevantTypes, (clazz) => {
      const groupName = clazz.GROUP;
      if (groupName === Lexer.SKIPPED) {
        return void 0;
      } else if (isString_default(groupName)) {
        return groupName;
      } else if (isUndefined_default(groupName)) {
        return false;
      } else {
        throw Error("non exhaustive match");
      }
    });
    patternIdxToLongerAltIdxArr = map_default(onlyRelevantTypes, (clazz) => {
      const longerAltType = clazz.LONGER_ALT;
      if (longerAltType) {
        const longerAltIdxArr = isArray_default(longerAltType) ? map_default(longerAltType, (type) => indexOf_default(onlyRelevantTypes, type)) : [indexOf_default(onlyRelevantTypes, longerAltType)];
        return longerAltIdxArr;
      }
    });
    patternIdxToPushMode = map_default(onlyRelevantTypes, (clazz) => clazz.PUSH_MODE);
    patternIdxToPopMode = map_default(onlyRelevantTypes, (clazz) => has_default(clazz, "POP_MODE"));
  });
  let patternIdxToCanLineTerminator;
  tracer("Line Terminator Handling", () => {
    const lineTerminatorCharCodes = getCharCodes(options.lineTerminatorCharacters);
    patternIdxToCanLineTerminator = map_default(onlyRelevantTypes, (tokType) => false);
    if (options.positionTracking !== "onlyOffset") {
      patternIdxToCanLineTerminator = map_default(onlyRelevantTypes, (tokType) => {
        if (has_default(tokType, "LINE_BREAKS")) {
          return !!tokType.LINE_BREAKS;
        } else {
          return checkLineBreaksIssues(tokType, lineTerminatorCharCodes) === false && canMatchCharCode(lineTerminatorCharCodes, tokType.PATTERN);
        }
      });
    }
  });
  let patternIdxToIsCustom;
  let patternIdxToShort;
  let emptyGroups;
  let patternIdxToConfig;
  tracer("Misc Mapping #2", () => {
    patternIdxToIsCustom = map_default(onlyRelevantTypes, isCustomPattern);
    patternIdxToShort = map_default(allTransformedPatterns, isShortPattern);
    emptyGroups = reduce_default(onlyRelevantTypes, (acc, clazz) => {
      const groupName = clazz.GROUP;
      if (isString_default(groupName) && !(groupName === Lexer.SKIPPED)) {
        acc[groupName] = [];
      }
      return acc;
    }, {});
    patternIdxToConfig = map_default(allTransformedPatterns, (x, idx) => {
      return {
        pattern: allTransformedPatterns[idx],
        longerAlt: patternIdxToLongerAltIdxArr[idx],
        canLineTerminator: patternIdxToCanLineTerminator[idx],
        isCustom: patternIdxToIsCustom[idx],
        short: patternIdxToShort[idx],
        group: patternIdxToGroup[idx],
        push: patternIdxToPushMode[idx],
        pop: patternIdxToPopMode[idx],
        tokenTypeIdx: patternIdxToType[idx],
        tokenType: onlyRelevantTypes[idx]
      };
    });
  });
  let canBeOptimized = true;
  let charCodeToPatternIdxToConfig = [];
  if (!options.safeMode) {
    tracer("First Char Optimization", () => {
      charCodeToPatternIdxToConfig = reduce_default(onlyRelevantTypes, (result, currTokType, idx) => {
        if (typeof currTokType.PATTERN === "string") {
          const charCode = currTokType.PATTERN.charCodeAt(0);
          const optimizedIdx = charCodeToOptimizedIndex(charCode);
          addToMapOfArrays(result, optimizedIdx, patternIdxToConfig[idx]);
        } else if (isArray_default(currTokType.START_CHARS_HINT)) {
          let lastOptimizedIdx;
          forEach_default(currTokType.START_CHARS_HINT, (charOrInt) => {
            const charCode = typeof charOrInt === "string" ? charOrInt.charCodeAt(0) : charOrInt;
            const currOptimizedIdx = charCodeToOptimizedIndex(charCode);
            if (lastOptimizedIdx !== currOptimizedIdx) {
              lastOptimizedIdx = currOptimizedIdx;
              addToMapOfArrays(result, currOptimizedIdx, patternIdxToConfig[idx]);
            }
          });
        } else if (isRegExp_default(currTokType.PATTERN)) {
          if (currTokType.PATTERN.unicode) {
            canBeOptimized = false;
            if (options.ensureOptimizations) {
              PRINT_ERROR(`${failedOptimizationPrefixMsg}	Unable to analyze < ${currTokType.PATTERN.toString()} > pattern.
	The regexp unicode flag is not currently supported by the regexp-to-ast library.
	This will disable the lexer's first char optimizations.
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#UNICODE_OPTIMIZE`);
            }
          } else {
            const optimizedCodes = getOptimizedStartCodesIndices(currTokType.PATTERN, options.ensureOptimizations);
            if (isEmpty_default(optimizedCodes)) {
              canBeOptimized = false;
            }
            forEach_default(optimizedCodes, (code) => {
              addToMapOfArrays(result, code, patternIdxToConfig[idx]);
            });
          }
        } else {
          if (options.ensureOptimizations) {
            PRINT_ERROR(`${failedOptimizationPrefixMsg}	TokenType: <${currTokType.name}> is using a custom token pattern without providing <start_chars_hint> parameter.
	This will disable the lexer's first char optimizations.
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#CUSTOM_OPTIMIZE`);
          }
          canBeOptimized = false;
        }
        return result;
      }, []);
    });
  }
  return {
    emptyGroups,
    patternIdxToConfig,
    charCodeToPatternIdxToConfig,
    hasCustom,
    canBeOptimized
  };
}
function validatePatterns(tokenTypes, validModesNames) {
  let errors = [];
  const missingResult = findMissingPatterns(tokenTypes);
  errors = errors.concat(missingResult.errors);
  const invalidResult = findInvalidPatterns(missingResult.valid);
  const validTokenTypes = invalidResult.valid;
  errors = errors.concat(invalidResult.errors);
  errors = errors.concat(validateRegExpPattern(validTokenTypes));
  errors = errors.concat(findInvalidGroupType(validTokenTypes));
  errors = errors.concat(findModesThatDoNotExist(validTokenTypes, validModesNames));
  errors = errors.concat(findUnreachablePatterns(validTokenTypes));
  return errors;
}
function validateRegExpPattern(tokenTypes) {
  let errors = [];
  const withRegExpPatterns = filter_default(tokenTypes, (currTokType) => isRegExp_default(currTokType[PATTERN]));
  errors = errors.concat(findEndOfInputAnchor(withRegExpPatterns));
  errors = errors.concat(findStartOfInputAnchor(withRegExpPatterns));
  errors = errors.concat(findUnsupportedFlags(withRegExpPatterns));
  errors = errors.concat(findDuplicatePatterns(withRegExpPatterns));
  errors = errors.concat(findEmptyMatchRegExps(withRegExpPatterns));
  return errors;
}
function findMissingPatterns(tokenTypes) {
  const tokenTypesWithMissingPattern = filter_default(tokenTypes, (currType) => {
    return !has_default(currType, PATTERN);
  });
  const errors = map_default(tokenTypesWithMissingPattern, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- missing static 'PATTERN' property",
      type: LexerDefinitionErrorType.MISSING_PATTERN,
      tokenTypes: [currType]
    };
  });
  const valid = difference_default(tokenTypes, tokenTypesWithMissingPattern);
  return { errors, valid };
}
function findInvalidPatterns(tokenTypes) {
  const tokenTypesWithInvalidPattern = filter_default(tokenTypes, (currType) => {
    const pattern = currType[PATTERN];
    return !isRegExp_default(pattern) && !isFunction_default(pattern) && !has_default(pattern, "exec") && !isString_default(pattern);
  });
  const errors = map_default(tokenTypesWithInvalidPattern, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'PATTERN' can only be a RegExp, a Function matching the {CustomPatternMatcherFunc} type or an Object matching the {ICustomPattern} interface.",
      type: LexerDefinitionErrorType.INVALID_PATTERN,
      tokenTypes: [currType]
    };
  });
  const valid = difference_default(tokenTypes, tokenTypesWithInvalidPattern);
  return { errors, valid };
}
var end_of_input = /[^\\][$]/;
function findEndOfInputAnchor(tokenTypes) {
  class EndAnchorFinder extends BaseRegExpVisitor {
    constructor() {
      super(...arguments);
      this.found = false;
    }
    visitEndAnchor(node) {
      this.found = true;
    }
  }
  const invalidRegex = filter_default(tokenTypes, (currType) => {
    const pattern = currType.PATTERN;
    try {
      const regexpAst = getRegExpAst(pattern);
      const endAnchorVisitor = new EndAnchorFinder();
      endAnchorVisitor.visit(regexpAst);
      return endAnchorVisitor.found;
    } catch (e) {
      return end_of_input.test(pattern.source);
    }
  });
  const errors = map_default(invalidRegex, (currType) => {
    return {
      message: "Unexpected RegExp Anchor Error:\n	Token Type: ->" + currType.name + "<- static 'PATTERN' cannot contain end of input anchor '$'\n	See chevrotain.io/docs/guide/resolving_lexer_errors.html#ANCHORS	for details.",
      type: LexerDefinitionErrorType.EOI_ANCHOR_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findEmptyMatchRegExps(tokenTypes) {
  const matchesEmptyString = filter_default(tokenTypes, (currType) => {
    const pattern = currType.PATTERN;
    return pattern.test("");
  });
  const errors = map_default(matchesEmptyString, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'PATTERN' must not match an empty string",
      type: LexerDefinitionErrorType.EMPTY_MATCH_PATTERN,
      tokenTypes: [currType]
    };
  });
  return errors;
}
var start_of_input = /[^\\[][\^]|^\^/;
function findStartOfInputAnchor(tokenTypes) {
  class StartAnchorFinder extends BaseRegExpVisitor {
    constructor() {
      super(...arguments);
      this.found = false;
    }
    visitStartAnchor(node) {
      this.found = true;
    }
  }
  const invalidRegex = filter_default(tokenTypes, (currType) => {
    const pattern = currType.PATTERN;
    try {
      const regexpAst = getRegExpAst(pattern);
      const startAnchorVisitor = new StartAnchorFinder();
      startAnchorVisitor.visit(regexpAst);
      return startAnchorVisitor.found;
    } catch (e) {
      return start_of_input.test(pattern.source);
    }
  });
  const errors = map_default(invalidRegex, (currType) => {
    return {
      message: "Unexpected RegExp Anchor Error:\n	Token Type: ->" + currType.name + "<- static 'PATTERN' cannot contain start of input anchor '^'\n	See https://chevrotain.io/docs/guide/resolving_lexer_errors.html#ANCHORS	for details.",
      type: LexerDefinitionErrorType.SOI_ANCHOR_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findUnsupportedFlags(tokenTypes) {
  const invalidFlags = filter_default(tokenTypes, (currType) => {
    const pattern = currType[PATTERN];
    return pattern instanceof RegExp && (pattern.multiline || pattern.global);
  });
  const errors = map_default(invalidFlags, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'PATTERN' may NOT contain global('g') or multiline('m')",
      type: LexerDefinitionErrorType.UNSUPPORTED_FLAGS_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findDuplicatePatterns(tokenTypes) {
  const found = [];
  let identicalPatterns = map_default(tokenTypes, (outerType) => {
    return reduce_default(tokenTypes, (result, innerType) => {
      if (outerType.PATTERN.source === innerType.PATTERN.source && !includes_default(found, innerType) && innerType.PATTERN !== Lexer.NA) {
        found.push(innerType);
        result.push(innerType);
        return result;
      }
      return result;
    }, []);
  });
  identicalPatterns = compact_default(identicalPatterns);
  const duplicatePatterns = filter_default(identicalPatterns, (currIdenticalSet) => {
    return currIdenticalSet.length > 1;
  });
  const errors = map_default(duplicatePatterns, (setOfIdentical) => {
    const tokenTypeNames = map_default(setOfIdentical, (currType) => {
      return currType.name;
    });
    const dupPatternSrc = head_default(setOfIdentical).PATTERN;
    return {
      message: `The same RegExp pattern ->${dupPatternSrc}<-has been used in all of the following Token Types: ${tokenTypeNames.join(", ")} <-`,
      type: LexerDefinitionErrorType.DUPLICATE_PATTERNS_FOUND,
      tokenTypes: setOfIdentical
    };
  });
  return errors;
}
function findInvalidGroupType(tokenTypes) {
  const invalidTypes = filter_default(tokenTypes, (clazz) => {
    if (!has_default(clazz, "GROUP")) {
      return false;
    }
    const group = clazz.GROUP;
    return group !== Lexer.SKIPPED && group !== Lexer.NA && !isString_default(group);
  });
  const errors = map_default(invalidTypes, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'GROUP' can only be Lexer.SKIPPED/Lexer.NA/A String",
      type: LexerDefinitionErrorType.INVALID_GROUP_TYPE_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findModesThatDoNotExist(tokenTypes, validModes) {
  const invalidModes = filter_default(tokenTypes, (clazz) => {
    return clazz.PUSH_MODE !== void 0 && !includes_default(validModes, clazz.PUSH_MODE);
  });
  const errors = map_default(invalidModes, (tokType) => {
    const msg = `Token Type: ->${tokType.name}<- static 'PUSH_MODE' value cannot refer to a Lexer Mode ->${tokType.PUSH_MODE}<-which does not exist`;
    return {
      message: msg,
      type: LexerDefinitionErrorType.PUSH_MODE_DOES_NOT_EXIST,
      tokenTypes: [tokType]
    };
  });
  return errors;
}
function findUnreachablePatterns(tokenTypes) {
  const errors = [];
  const canBeTested = reduce_default(tokenTypes, (result, tokType, idx) => {
    const pattern = tokType.PATTERN;
    if (pattern === Lexer.NA) {
      return result;
    }
    if (isString_default(pattern)) {
      result.push({ str: pattern, idx, tokenType: tokType });
    } else if (isRegExp_default(pattern) && noMetaChar(pattern)) {
      result.push({ str: pattern.source, idx, tokenType: tokType });
    }
    return result;
  }, []);
  forEach_default(tokenTypes, (aTokType, aIdx) => {
    forEach_default(canBeTested, ({ str: bStr, idx: bIdx, tokenType: bTokType }) => {
      if (aIdx < bIdx && tryToMatchStrToPattern(bStr, aTokType.PATTERN)) {
        const msg = `Token: ->${bTokType.name}<- can never be matched.
Because it appears AFTER the Token Type ->${aTokType.name}<-in the lexer's definition.
See https://chevrotain.io/docs/guide/resolving_lexer_errors.html#UNREACHABLE`;
        errors.push({
          message: msg,
          type: LexerDefinitionErrorType.UNREACHABLE_PATTERN,
          tokenTypes: [aTokType, bTokType]
        });
      }
    });
  });
  return errors;
}
function tryToMatchStrToPattern(str, pattern) {
  if (isRegExp_default(pattern)) {
    if (usesLookAheadOrBehind(pattern)) {
      return false;
    }
    const regExpArray = pattern.exec(str);
    return regExpArray !== null && regExpArray.index === 0;
  } else if (isFunction_default(pattern)) {
    return pattern(str, 0, [], {});
  } else if (has_default(pattern, "exec")) {
    return pattern.exec(str, 0, [], {});
  } else if (typeof pattern === "string") {
    return pattern === str;
  } else {
    throw Error("non exhaustive match");
  }
}
function noMetaChar(regExp) {
  const metaChars = [
    ".",
    "\\",
    "[",
    "]",
    "|",
    "^",
    "$",
    "(",
    ")",
    "?",
    "*",
    "+",
    "{"
  ];
  return find_default(metaChars, (char) => regExp.source.indexOf(char) !== -1) === void 0;
}
function usesLookAheadOrBehind(regExp) {
  return /(\(\?=)|(\(\?!)|(\(\?<=)|(\(\?<!)/.test(regExp.source);
}
function addStickyFlag(pattern) {
  const flags = pattern.ignoreCase ? "iy" : "y";
  return new RegExp(`${pattern.source}`, flags);
}
function performRuntimeChecks(lexerDefinition, trackLines, lineTerminatorCharacters) {
  const errors = [];
  if (!has_default(lexerDefinition, DEFAULT_MODE)) {
    errors.push({
      message: "A MultiMode Lexer cannot be initialized without a <" + DEFAULT_MODE + "> property in its definition\n",
      type: LexerDefinitionErrorType.MULTI_MODE_LEXER_WITHOUT_DEFAULT_MODE
    });
  }
  if (!has_default(lexerDefinition, MODES)) {
    errors.push({
      message: "A MultiMode Lexer cannot be initialized without a <" + MODES + "> property in its definition\n",
      type: LexerDefinitionErrorType.MULTI_MODE_LEXER_WITHOUT_MODES_PROPERTY
    });
  }
  if (has_default(lexerDefinition, MODES) && has_default(lexerDefinition, DEFAULT_MODE) && !has_default(lexerDefinition.modes, lexerDefinition.defaultMode)) {
    errors.push({
      message: `A MultiMode Lexer cannot be initialized with a ${DEFAULT_MODE}: <${lexerDefinition.defaultMode}>which does not exist
`,
      type: LexerDefinitionErrorType.MULTI_MODE_LEXER_DEFAULT_MODE_VALUE_DOES_NOT_EXIST
    });
  }
  if (has_default(lexerDefinition, MODES)) {
    forEach_default(lexerDefinition.modes, (currModeValue, currModeName) => {
      forEach_default(currModeValue, (currTokType, currIdx) => {
        if (isUndefined_default(currTokType)) {
          errors.push({
            message: `A Lexer cannot be initialized using an undefined Token Type. Mode:<${currModeName}> at index: <${currIdx}>
`,
            type: LexerDefinitionErrorType.LEXER_DEFINITION_CANNOT_CONTAIN_UNDEFINED
          });
        } else if (has_default(currTokType, "LONGER_ALT")) {
          const longerAlt = isArray_default(currTokType.LONGER_ALT) ? currTokType.LONGER_ALT : [currTokType.LONGER_ALT];
          forEach_default(longerAlt, (currLongerAlt) => {
            if (!isUndefined_default(currLongerAlt) && !includes_default(currModeValue, currLongerAlt)) {
              errors.push({
                message: `A MultiMode Lexer cannot be initialized with a longer_alt <${currLongerAlt.name}> on token <${currTokType.name}> outside of mode <${currModeName}>
`,
                type: LexerDefinitionErrorType.MULTI_MODE_LEXER_LONGER_ALT_NOT_IN_CURRENT_MODE
              });
            }
          });
        }
      });
    });
  }
  return errors;
}
function performWarningRuntimeChecks(lexerDefinition, trackLines, lineTerminatorCharacters) {
  const warnings = [];
  let hasAnyLineBreak = false;
  const allTokenTypes2 = compact_default(flatten_default(values_default(lexerDefinition.modes)));
  const concreteTokenTypes = reject_default(allTokenTypes2, (currType) => currType[PATTERN] === Lexer.NA);
  const terminatorCharCodes = getCharCodes(lineTerminatorCharacters);
  if (trackLines) {
    forEach_default(concreteTokenTypes, (tokType) => {
      const currIssue = checkLineBreaksIssues(tokType, terminatorCharCodes);
      if (currIssue !== false) {
        const message5 = buildLineBreakIssueMessage(tokType, currIssue);
        const warningDescriptor = {
          message: message5,
          type: currIssue.issue,
          tokenType: tokType
        };
        warnings.push(warningDescriptor);
      } else {
        if (has_default(tokType, "LINE_BREAKS")) {
          if (tokType.LINE_BREAKS === true) {
            hasAnyLineBreak = true;
          }
        } else {
          if (canMatchCharCode(terminatorCharCodes, tokType.PATTERN)) {
            hasAnyLineBreak = true;
          }
        }
      }
    });
  }
  if (trackLines && !hasAnyLineBreak) {
    warnings.push({
      message: "Warning: No LINE_BREAKS Found.\n	This Lexer has been defined to track line and column information,\n	But none of the Token Types can be identified as matching a line terminator.\n	See https://chevrotain.io/docs/guide/resolving_lexer_errors.html#LINE_BREAKS \n	for details.",
      type: LexerDefinitionErrorType.NO_LINE_BREAKS_FLAGS
    });
  }
  return warnings;
}
function cloneEmptyGroups(emptyGroups) {
  const clonedResult = {};
  const groupKeys = keys_default(emptyGroups);
  forEach_default(groupKeys, (currKey) => {
    const currGroupValue = emptyGroups[currKey];
    if (isArray_default(currGroupValue)) {
      clonedResult[currKey] = [];
    } else {
      throw Error("non exhaustive match");
    }
  });
  return clonedResult;
}
function isCustomPattern(tokenType) {
  const pattern = tokenType.PATTERN;
  if (isRegExp_default(pattern)) {
    return false;
  } else if (isFunction_default(pattern)) {
    return true;
  } else if (has_default(pattern, "exec")) {
    return true;
  } else if (isString_default(pattern)) {
    return false;
  } else {
    throw Error("non exhaustive match");
  }
}
function isShortPattern(pattern) {
  if (isString_default(pattern) && pattern.length === 1) {
    return pattern.charCodeAt(0);
  } else {
    return false;
  }
}
var LineTerminatorOptimizedTester = {
  // implements /\n|\r\n?/g.test
  test: function(text) {
    const len = text.length;
    for (let i = this.lastIndex; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.lastIndex = i + 1;
        return true;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          this.lastIndex = i + 2;
        } else {
          this.lastIndex = i + 1;
        }
        return true;
      }
    }
    return false;
  },
  lastIndex: 0
};
function checkLineBreaksIssues(tokType, lineTerminatorCharCodes) {
  if (has_default(tokType, "LINE_BREAKS")) {
    return false;
  } else {
    if (isRegExp_default(tokType.PATTERN)) {
      try {
        canMatchCharCode(lineTerminatorCharCodes, tokType.PATTERN);
      } catch (e) {
        return {
          issue: LexerDefinitionErrorType.IDENTIFY_TERMINATOR,
          errMsg: e.message
        };
      }
      return false;
    } else if (isString_default(tokType.PATTERN)) {
      return false;
    } else if (isCustomPattern(tokType)) {
      return { issue: LexerDefinitionErrorType.CUSTOM_LINE_BREAK };
    } else {
      throw Error("non exhaustive match");
    }
  }
}
function buildLineBreakIssueMessage(tokType, details) {
  if (details.issue === LexerDefinitionErrorType.IDENTIFY_TERMINATOR) {
    return `Warning: unable to identify line terminator usage in pattern.
	The problem is in the <${tokType.name}> Token Type
	 Root cause: ${details.errMsg}.
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#IDENTIFY_TERMINATOR`;
  } else if (details.issue === LexerDefinitionErrorType.CUSTOM_LINE_BREAK) {
    return `Warning: A Custom Token Pattern should specify the <line_breaks> option.
	The problem is in the <${tokType.name}> Token Type
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#CUSTOM_LINE_BREAK`;
  } else {
    throw Error("non exhaustive match");
  }
}
function getCharCodes(charsOrCodes) {
  const charCodes = map_default(charsOrCodes, (numOrString) => {
    if (isString_default(numOrString)) {
      return numOrString.charCodeAt(0);
    } else {
      return numOrString;
    }
  });
  return charCodes;
}
function addToMapOfArrays(map2, key, value) {
  if (map2[key] === void 0) {
    map2[key] = [value];
  } else {
    map2[key].push(value);
  }
}
var minOptimizationVal = 256;
var charCodeToOptimizedIdxMap = [];
function charCodeToOptimizedIndex(charCode) {
  return charCode < minOptimizationVal ? charCode : charCodeToOptimizedIdxMap[charCode];
}
function initCharCodeToOptimizedIndexMap() {
  if (isEmpty_default(charCodeToOptimizedIdxMap)) {
    charCodeToOptimizedIdxMap = new Array(65536);
    for (let i = 0; i < 65536; i++) {
      charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;
    }
  }
}

// node_modules/chevrotain/lib/src/scan/tokens.js
function tokenStructuredMatcher(tokInstance, tokConstructor) {
  const instanceType = tokInstance.tokenTypeIdx;
  if (instanceType === tokConstructor.tokenTypeIdx) {
    return true;
  } else {
    return tokConstructor.isParent === true && tokConstructor.categoryMatchesMap[instanceType] === true;
  }
}
function tokenStructuredMatcherNoCategories(token, tokType) {
  return token.tokenTypeIdx === tokType.tokenTypeIdx;
}
var tokenShortNameIdx = 1;
var tokenIdxToClass = {};
function augmentTokenTypes(tokenTypes) {
  const tokenTypesAndParents = expandCategories(tokenTypes);
  assignTokenDefaultProps(tokenTypesAndParents);
  assignCategoriesMapProp(tokenTypesAndParents);
  assignCategoriesTokensProp(tokenTypesAndParents);
  forEach_default(tokenTypesAndParents, (tokType) => {
    tokType.isParent = tokType.categoryMatches.length > 0;
  });
}
function expandCategories(tokenTypes) {
  let result = clone_default(tokenTypes);
  let categories = tokenTypes;
  let searching = true;
  while (searching) {
    categories = compact_default(flatten_default(map_default(categories, (currTokType) => currTokType.CATEGORIES)));
    const newCategories = difference_default(categories, result);
    result = result.concat(newCategories);
    if (isEmpty_default(newCategories)) {
      searching = false;
    } else {
      categories = newCategories;
    }
  }
  return result;
}
function assignTokenDefaultProps(tokenTypes) {
  forEach_default(tokenTypes, (currTokType) => {
    if (!hasShortKeyProperty(currTokType)) {
      tokenIdxToClass[tokenShortNameIdx] = currTokType;
      currTokType.tokenTypeIdx = tokenShortNameIdx++;
    }
    if (hasCategoriesProperty(currTokType) && !isArray_default(currTokType.CATEGORIES)) {
      currTokType.CATEGORIES = [currTokType.CATEGORIES];
    }
    if (!hasCategoriesProperty(currTokType)) {
      currTokType.CATEGORIES = [];
    }
    if (!hasExtendingTokensTypesProperty(currTokType)) {
      currTokType.categoryMatches = [];
    }
    if (!hasExtendingTokensTypesMapProperty(currTokType)) {
      currTokType.categoryMatchesMap = {};
    }
  });
}
function assignCategoriesTokensProp(tokenTypes) {
  forEach_default(tokenTypes, (currTokType) => {
    currTokType.categoryMatches = [];
    forEach_default(currTokType.categoryMatchesMap, (val, key) => {
      currTokType.categoryMatches.push(tokenIdxToClass[key].tokenTypeIdx);
    });
  });
}
function assignCategoriesMapProp(tokenTypes) {
  forEach_default(tokenTypes, (currTokType) => {
    singleAssignCategoriesToksMap([], currTokType);
  });
}
function singleAssignCategoriesToksMap(path, nextNode) {
  forEach_default(path, (pathNode) => {
    nextNode.categoryMatchesMap[pathNode.tokenTypeIdx] = true;
  });
  forEach_default(nextNode.CATEGORIES, (nextCategory) => {
    const newPath = path.concat(nextNode);
    if (!includes_default(newPath, nextCategory)) {
      singleAssignCategoriesToksMap(newPath, nextCategory);
    }
  });
}
function hasShortKeyProperty(tokType) {
  return has_default(tokType, "tokenTypeIdx");
}
function hasCategoriesProperty(tokType) {
  return has_default(tokType, "CATEGORIES");
}
function hasExtendingTokensTypesProperty(tokType) {
  return has_default(tokType, "categoryMatches");
}
function hasExtendingTokensTypesMapProperty(tokType) {
  return has_default(tokType, "categoryMatchesMap");
}
function isTokenType(tokType) {
  return has_default(tokType, "tokenTypeIdx");
}

// node_modules/chevrotain/lib/src/scan/lexer_errors_public.js
var defaultLexerErrorProvider = {
  buildUnableToPopLexerModeMessage(token) {
    return `Unable to pop Lexer Mode after encountering Token ->${token.image}<- The Mode Stack is empty`;
  },
  buildUnexpectedCharactersMessage(fullText, startOffset, length, line, column, mode) {
    return `unexpected character: ->${fullText.charAt(startOffset)}<- at offset: ${startOffset}, skipped ${length} characters.`;
  }
};

// node_modules/chevrotain/lib/src/scan/lexer_public.js
var LexerDefinitionErrorType;
(function(LexerDefinitionErrorType2) {
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MISSING_PATTERN"] = 0] = "MISSING_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["INVALID_PATTERN"] = 1] = "INVALID_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["EOI_ANCHOR_FOUND"] = 2] = "EOI_ANCHOR_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["UNSUPPORTED_FLAGS_FOUND"] = 3] = "UNSUPPORTED_FLAGS_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["DUPLICATE_PATTERNS_FOUND"] = 4] = "DUPLICATE_PATTERNS_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["INVALID_GROUP_TYPE_FOUND"] = 5] = "INVALID_GROUP_TYPE_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["PUSH_MODE_DOES_NOT_EXIST"] = 6] = "PUSH_MODE_DOES_NOT_EXIST";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_WITHOUT_DEFAULT_MODE"] = 7] = "MULTI_MODE_LEXER_WITHOUT_DEFAULT_MODE";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_WITHOUT_MODES_PROPERTY"] = 8] = "MULTI_MODE_LEXER_WITHOUT_MODES_PROPERTY";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_DEFAULT_MODE_VALUE_DOES_NOT_EXIST"] = 9] = "MULTI_MODE_LEXER_DEFAULT_MODE_VALUE_DOES_NOT_EXIST";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["LEXER_DEFINITION_CANNOT_CONTAIN_UNDEFINED"] = 10] = "LEXER_DEFINITION_CANNOT_CONTAIN_UNDEFINED";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["SOI_ANCHOR_FOUND"] = 11] = "SOI_ANCHOR_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["EMPTY_MATCH_PATTERN"] = 12] = "EMPTY_MATCH_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["NO_LINE_BREAKS_FLAGS"] = 13] = "NO_LINE_BREAKS_FLAGS";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["UNREACHABLE_PATTERN"] = 14] = "UNREACHABLE_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["IDENTIFY_TERMINATOR"] = 15] = "IDENTIFY_TERMINATOR";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["CUSTOM_LINE_BREAK"] = 16] = "CUSTOM_LINE_BREAK";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_LONGER_ALT_NOT_IN_CURRENT_MODE"] = 17] = "MULTI_MODE_LEXER_LONGER_ALT_NOT_IN_CURRENT_MODE";
})(LexerDefinitionErrorType || (LexerDefinitionErrorType = {}));
var DEFAULT_LEXER_CONFIG = {
  deferDefinitionErrorsHandling: false,
  positionTracking: "full",
  lineTerminatorsPattern: /\n|\r\n?/g,
  lineTerminatorCharacters: ["\n", "\r"],
  ensureOptimizations: false,
  safeMode: false,
  errorMessageProvider: defaultLexerErrorProvider,
  traceInitPerf: false,
  skipValidations: false,
  recoveryEnabled: true
};
Object.freeze(DEFAULT_LEXER_CONFIG);
var Lexer = class {
  constructor(lexerDefinition, config = DEFAULT_LEXER_CONFIG) {
    this.lexerDefinition = lexerDefinition;
    this.lexerDefinitionErrors = [];
    this.lexerDefinitionWarning = [];
    this.patternIdxToConfig = {};
    this.charCodeToPatternIdxToConfig = {};
    this.modes = [];
    this.emptyGroups = {};
    this.trackStartLines = true;
    this.trackEndLines = true;
    this.hasCustom = false;
    this.canModeBeOptimized = {};
    this.TRACE_INIT = (phaseDesc, phaseImpl) => {
      if (this.traceInitPerf === true) {
        this.traceInitIndent++;
        const indent = new Array(this.traceInitIndent + 1).join("	");
        if (this.traceInitIndent < this.traceInitMaxIdent) {
          console.log(`${indent}--> <${phaseDesc}>`);
        }
        const { time, value } = timer(phaseImpl);
        const traceMethod = time > 10 ? console.warn : console.log;
        if (this.traceInitIndent < this.traceInitMaxIdent) {
          traceMethod(`${indent}<-- <${phaseDesc}> time: ${time}ms`);
        }
        this.traceInitIndent--;
        return value;
      } else {
        return phaseImpl();
      }
    };
    if (typeof config === "boolean") {
      throw Error("The second argument to the Lexer constructor is now an ILexerConfig Object.\na boolean 2nd argument is no longer supported");
    }
    this.config = assign_default({}, DEFAULT_LEXER_CONFIG, config);
    const traceInitVal = this.config.traceInitPerf;
    if (traceInitVal === true) {
      this.traceInitMaxIdent = Infinity;
      this.traceInitPerf = true;
    } else if (typeof traceInitVal === "number") {
      this.traceInitMaxIdent = traceInitVal;
      this.traceInitPerf = true;
    }
    this.traceInitIndent = -1;
    this.TRACE_INIT("Lexer Constructor", () => {
      let actualDefinition;
      let hasOnlySingleMode = true;
      this.TRACE_INIT("Lexer Config handling", () => {
        if (this.config.lineTerminatorsPattern === DEFAULT_LEXER_CONFIG.lineTerminatorsPattern) {
          this.config.lineTerminatorsPattern = LineTerminatorOptimizedTester;
        } else {
          if (this.config.lineTerminatorCharacters === DEFAULT_LEXER_CONFIG.lineTerminatorCharacters) {
            throw Error("Error: Missing <lineTerminatorCharacters> property on the Lexer config.\n	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#MISSING_LINE_TERM_CHARS");
          }
        }
        if (config.safeMode && config.ensureOptimizations) {
          throw Error('"safeMode" and "ensureOptimizations" flags are mutually exclusive.');
        }
        this.trackStartLines = /full|onlyStart/i.test(this.config.positionTracking);
        this.trackEndLines = /full/i.test(this.config.positionTracking);
        if (isArray_default(lexerDefinition)) {
          actualDefinition = {
            modes: { defaultMode: clone_default(lexerDefinition) },
            defaultMode: DEFAULT_MODE
          };
        } else {
          hasOnlySingleMode = false;
          actualDefinition = clone_default(lexerDefinition);
        }
      });
      if (this.config.skipValidations === false) {
        this.TRACE_INIT("performRuntimeChecks", () => {
          this.lexerDefinitionErrors = this.lexerDefinitionErrors.concat(performRuntimeChecks(actualDefinition, this.trackStartLines, this.config.lineTerminatorCharacters));
        });
        this.TRACE_INIT("performWarningRuntimeChecks", () => {
          this.lexerDefinitionWarning = this.lexerDefinitionWarning.concat(performWarningRuntimeChecks(actualDefinition, this.trackStartLines, this.config.lineTerminatorCharacters));
        });
      }
      actualDefinition.modes = actualDefinition.modes ? actualDefinition.modes : {};
      forEach_default(actualDefinition.modes, (currModeValue, currModeName) => {
        actualDefinition.modes[currModeName] = reject_default(currModeValue, (currTokType) => isUndefined_default(currTokType));
      });
      const allModeNames = keys_default(actualDefinition.modes);
      forEach_default(actualDefinition.modes, (currModDef, currModName) => {
        this.TRACE_INIT(`Mode: <${currModName}> processing`, () => {
          this.modes.push(currModName);
          if (this.config.skipValidations === false) {
            this.TRACE_INIT(`validatePatterns`, () => {
              this.lexerDefinitionErrors = this.lexerDefinitionErrors.concat(validatePatterns(currModDef, allModeNames));
            });
          }
          if (isEmpty_default(this.lexerDefinitionErrors)) {
            augmentTokenTypes(currModDef);
            let currAnalyzeResult;
            this.TRACE_INIT(`analyzeTokenTypes`, () => {
              currAnalyzeResult = analyzeTokenTypes(currModDef, {
                lineTerminatorCharacters: this.config.lineTerminatorCharacters,
                positionTracking: config.positionTracking,
                ensureOptimizations: config.ensureOptimizations,
                safeMode: config.safeMode,
                tracer: this.TRACE_INIT
              });
            });
            this.patternIdxToConfig[currModName] = currAnalyzeResult.patternIdxToConfig;
            this.charCodeToPatternIdxToConfig[currModName] = currAnalyzeResult.charCodeToPatternIdxToConfig;
            this.emptyGroups = assign_default({}, this.emptyGroups, currAnalyzeResult.emptyGroups);
            this.hasCustom = currAnalyzeResult.hasCustom || this.hasCustom;
            this.canModeBeOptimized[currModName] = currAnalyzeResult.canBeOptimized;
          }
        });
      });
      this.defaultMode = actualDefinition.defaultMode;
      if (!isEmpty_default(this.lexerDefinitionErrors) && !this.config.deferDefinitionErrorsHandling) {
        const allErrMessages = map_default(this.lexerDefinitionErrors, (error) => {
          return error.message;
        });
        const allErrMessagesString = allErrMessages.join("-----------------------\n");
        throw new Error("Errors detected in definition of Lexer:\n" + allErrMessagesString);
      }
      forEach_default(this.lexerDefinitionWarning, (warningDescriptor) => {
        PRINT_WARNING(warningDescriptor.message);
      });
      this.TRACE_INIT("Choosing sub-methods implementations", () => {
        if (hasOnlySingleMode) {
          this.handleModes = noop_default;
        }
        if (this.trackStartLines === false) {
          this.computeNewColumn = identity_default;
        }
        if (this.trackEndLines === false) {
          this.updateTokenEndLineColumnLocation = noop_default;
        }
        if (/full/i.test(this.config.positionTracking)) {
          this.createTokenInstance = this.createFullToken;
        } else if (/onlyStart/i.test(this.config.positionTracking)) {
          this.createTokenInstance = this.createStartOnlyToken;
        } else if (/onlyOffset/i.test(this.config.positionTracking)) {
          this.createTokenInstance = this.createOffsetOnlyToken;
        } else {
          throw Error(`Invalid <positionTracking> config option: "${this.config.positionTracking}"`);
        }
        if (this.hasCustom) {
          this.addToken = this.addTokenUsingPush;
          this.handlePayload = this.handlePayloadWithCustom;
        } else {
          this.addToken = this.addTokenUsingMemberAccess;
          this.handlePayload = this.handlePayloadNoCustom;
        }
      });
      this.TRACE_INIT("Failed Optimization Warnings", () => {
        const unOptimizedModes = reduce_default(this.canModeBeOptimized, (cannotBeOptimized, canBeOptimized, modeName) => {
          if (canBeOptimized === false) {
            cannotBeOptimized.push(modeName);
          }
          return cannotBeOptimized;
        }, []);
        if (config.ensureOptimizations && !isEmpty_default(unOptimizedModes)) {
          throw Error(`Lexer Modes: < ${unOptimizedModes.join(", ")} > cannot be optimized.
	 Disable the "ensureOptimizations" lexer config flag to silently ignore this and run the lexer in an un-optimized mode.
	 Or inspect the console log for details on how to resolve these issues.`);
        }
      });
      this.TRACE_INIT("clearRegExpParserCache", () => {
        clearRegExpParserCache();
      });
      this.TRACE_INIT("toFastProperties", () => {
        toFastProperties(this);
      });
    });
  }
  tokenize(text, initialMode = this.defaultMode) {
    if (!isEmpty_default(this.lexerDefinitionErrors)) {
      const allErrMessages = map_default(this.lexerDefinitionErrors, (error) => {
        return error.message;
      });
      const allErrMessagesString = allErrMessages.join("-----------------------\n");
      throw new Error("Unable to Tokenize because Errors detected in definition of Lexer:\n" + allErrMessagesString);
    }
    return this.tokenizeInternal(text, initialMode);
  }
  // There is quite a bit of duplication between this and "tokenizeInternalLazy"
  // This is intentional due to performance considerations.
  // this method also used quite a bit of `!` none null assertions because it is too optimized
  // for `tsc` to always understand it is "safe"
  tokenizeInternal(text, initialMode) {
    let i, j, k, matchAltImage, longerAlt, matchedImage, payload, altPayload, imageLength, group, tokType, newToken, errLength, msg, match;
    const orgText = text;
    const orgLength = orgText.length;
    let offset = 0;
    let matchedTokensIndex = 0;
    const guessedNumberOfTokens = this.hasCustom ? 0 : Math.floor(text.length / 10);
    const matchedTokens = new Array(guessedNumberOfTokens);
    const errors = [];
    let line = this.trackStartLines ? 1 : void 0;
    let column = this.trackStartLines ? 1 : void 0;
    const groups = cloneEmptyGroups(this.emptyGroups);
    const trackLines = this.trackStartLines;
    const lineTerminatorPattern = this.config.lineTerminatorsPattern;
    let currModePatternsLength = 0;
    let patternIdxToConfig = [];
    let currCharCodeToPatternIdxToConfig = [];
    const modeStack = [];
    const emptyArray = [];
    Object.freeze(emptyArray);
    let isOptimizedMode = false;
    const pop_mode = (popToken) => {
      if (modeStack.length === 1 && // if we have both a POP_MODE and a PUSH_MODE this is in-fact a "transition"
      // So no error should occur.
      popToken.tokenType.PUSH_MODE === void 0) {
        const msg2 = this.config.errorMessageProvider.buildUnableToPopLexerModeMessage(popToken);
        errors.push({
          offset: popToken.startOffset,
          line: popToken.startLine,
          column: popToken.startColumn,
          length: popToken.image.length,
          message: msg2
        });
      } else {
        modeStack.pop();
        const newMode = last_default(modeStack);
        patternIdxToConfig = this.patternIdxToConfig[newMode];
        currCharCodeToPatternIdxToConfig = this.charCodeToPatternIdxToConfig[newMode];
        currModePatternsLength = patternIdxToConfig.length;
        const modeCanBeOptimized = this.canModeBeOptimized[newMode] && this.config.safeMode === false;
        if (currCharCodeToPatternIdxToConfig && modeCanBeOptimized) {
          isOptimizedMode = true;
        } else {
          isOptimizedMode = false;
        }
      }
    };
    function push_mode(newMode) {
      modeStack.push(newMode);
      currCharCodeToPatternIdxToConfig = this.charCodeToPatternIdxToConfig[newMode];
      patternIdxToConfig = this.patternIdxToConfig[newMode];
      currModePatternsLength = patternIdxToConfig.length;
      currModePatternsLength = patternIdxToConfig.length;
      const modeCanBeOptimized = this.canModeBeOptimized[newMode] && this.config.safeMode === false;
      if (currCharCodeToPatternIdxToConfig && modeCanBeOptimized) {
        isOptimizedMode = true;
      } else {
        isOptimizedMode = false;
      }
    }
    push_mode.call(this, initialMode);
    let currConfig;
    const recoveryEnabled = this.config.recoveryEnabled;
    while (offset < orgLength) {
      matchedImage = null;
      imageLength = -1;
      const nextCharCode = orgText.charCodeAt(offset);
      let chosenPatternIdxToConfig;
      if (isOptimizedMode) {
        const optimizedCharIdx = charCodeToOptimizedIndex(nextCharCode);
        const possiblePatterns = currCharCodeToPatternIdxToConfig[optimizedCharIdx];
        chosenPatternIdxToConfig = possiblePatterns !== void 0 ? possiblePatterns : emptyArray;
      } else {
        chosenPatternIdxToConfig = patternIdxToConfig;
      }
      const chosenPatternsLength = chosenPatternIdxToConfig.length;
      for (i = 0; i < chosenPatternsLength; i++) {
        currConfig = chosenPatternIdxToConfig[i];
        const currPattern = currConfig.pattern;
        payload = null;
        const singleCharCode = currConfig.short;
        if (singleCharCode !== false) {
          if (nextCharCode === singleCharCode) {
            imageLength = 1;
            matchedImage = currPattern;
          }
        } else if (currConfig.isCustom === true) {
          match = currPattern.exec(orgText, offset, matchedTokens, groups);
          if (match !== null) {
            matchedImage = match[0];
            imageLength = matchedImage.length;
            if (match.payload !== void 0) {
              payload = match.payload;
            }
          } else {
            matchedImage = null;
          }
        } else {
          currPattern.lastIndex = offset;
          imageLength = this.matchLength(currPattern, text, offset);
        }
        if (imageLength !== -1) {
          longerAlt = currConfig.longerAlt;
          if (longerAlt !== void 0) {
            matchedImage = text.substring(offset, offset + imageLength);
            const longerAltLength = longerAlt.length;
            for (k = 0; k < longerAltLength; k++) {
              const longerAltConfig = patternIdxToConfig[longerAlt[k]];
              const longerAltPattern = longerAltConfig.pattern;
              altPayload = null;
              if (longerAltConfig.isCustom === true) {
                match = longerAltPattern.exec(orgText, offset, matchedTokens, groups);
                if (match !== null) {
                  matchAltImage = match[0];
                  if (match.payload !== void 0) {
                    altPayload = match.payload;
                  }
                } else {
                  matchAltImage = null;
                }
              } else {
                longerAltPattern.lastIndex = offset;
                matchAltImage = this.match(longerAltPattern, text, offset);
              }
              if (matchAltImage && matchAltImage.length > matchedImage.length) {
                matchedImage = matchAltImage;
                imageLength = matchAltImage.length;
                payload = altPayload;
                currConfig = longerAltConfig;
                break;
              }
            }
          }
          break;
        }
      }
      if (imageLength !== -1) {
        group = currConfig.group;
        if (group !== void 0) {
          matchedImage = matchedImage !== null ? matchedImage : text.substring(offset, offset + imageLength);
          tokType = currConfig.tokenTypeIdx;
          newToken = this.createTokenInstance(matchedImage, offset, tokType, currConfig.tokenType, line, column, imageLength);
          this.handlePayload(newToken, payload);
          if (group === false) {
            matchedTokensIndex = this.addToken(matchedTokens, matchedTokensIndex, newToken);
          } else {
            groups[group].push(newToken);
          }
        }
        if (trackLines === true && currConfig.canLineTerminator === true) {
          let numOfLTsInMatch = 0;
          let foundTerminator;
          let lastLTEndOffset;
          lineTerminatorPattern.lastIndex = 0;
          do {
            matchedImage = matchedImage !== null ? matchedImage : text.substring(offset, offset + imageLength);
            foundTerminator = lineTerminatorPattern.test(matchedImage);
            if (foundTerminator === true) {
              lastLTEndOffset = lineTerminatorPattern.lastIndex - 1;
              numOfLTsInMatch++;
            }
          } while (foundTerminator === true);
          if (numOfLTsInMatch !== 0) {
            line = line + numOfLTsInMatch;
            column = imageLength - lastLTEndOffset;
            this.updateTokenEndLineColumnLocation(newToken, group, lastLTEndOffset, numOfLTsInMatch, line, column, imageLength);
          } else {
            column = this.computeNewColumn(column, imageLength);
          }
        } else {
          column = this.computeNewColumn(column, imageLength);
        }
        offset = offset + imageLength;
        this.handleModes(currConfig, pop_mode, push_mode, newToken);
      } else {
        const errorStartOffset = offset;
        const errorLine = line;
        const errorColumn = column;
        let foundResyncPoint = recoveryEnabled === false;
        while (foundResyncPoint === false && offset < orgLength) {
          offset++;
          for (j = 0; j < currModePatternsLength; j++) {
            const currConfig2 = patternIdxToConfig[j];
            const currPattern = currConfig2.pattern;
            const singleCharCode = currConfig2.short;
            if (singleCharCode !== false) {
              if (orgText.charCodeAt(offset) === singleCharCode) {
                foundResyncPoint = true;
              }
            } else if (currConfig2.isCustom === true) {
              foundResyncPoint = currPattern.exec(orgText, offset, matchedTokens, groups) !== null;
            } else {
              currPattern.lastIndex = offset;
              foundResyncPoint = currPattern.exec(text) !== null;
            }
            if (foundResyncPoint === true) {
              break;
            }
          }
        }
        errLength = offset - errorStartOffset;
        column = this.computeNewColumn(column, errLength);
        msg = this.config.errorMessageProvider.buildUnexpectedCharactersMessage(orgText, errorStartOffset, errLength, errorLine, errorColumn, last_default(modeStack));
        errors.push({
          offset: errorStartOffset,
          line: errorLine,
          column: errorColumn,
          length: errLength,
          message: msg
        });
        if (recoveryEnabled === false) {
          break;
        }
      }
    }
    if (!this.hasCustom) {
      matchedTokens.length = matchedTokensIndex;
    }
    return {
      tokens: matchedTokens,
      groups,
      errors
    };
  }
  handleModes(config, pop_mode, push_mode, newToken) {
    if (config.pop === true) {
      const pushMode = config.push;
      pop_mode(newToken);
      if (pushMode !== void 0) {
        push_mode.call(this, pushMode);
      }
    } else if (config.push !== void 0) {
      push_mode.call(this, config.push);
    }
  }
  // TODO: decrease this under 600 characters? inspect stripping comments option in TSC compiler
  updateTokenEndLineColumnLocation(newToken, group, lastLTIdx, numOfLTsInMatch, line, column, imageLength) {
    let lastCharIsLT, fixForEndingInLT;
    if (group !== void 0) {
      lastCharIsLT = lastLTIdx === imageLength - 1;
      fixForEndingInLT = lastCharIsLT ? -1 : 0;
      if (!(numOfLTsInMatch === 1 && lastCharIsLT === true)) {
        newToken.endLine = line + fixForEndingInLT;
        newToken.endColumn = column - 1 + -fixForEndingInLT;
      }
    }
  }
  computeNewColumn(oldColumn, imageLength) {
    return oldColumn + imageLength;
  }
  createOffsetOnlyToken(image, startOffset, tokenTypeIdx, tokenType) {
    return {
      image,
      startOffset,
      tokenTypeIdx,
      tokenType
    };
  }
  createStartOnlyToken(image, startOffset, tokenTypeIdx, tokenType, startLine, startColumn) {
    return {
      image,
      startOffset,
      startLine,
      startColumn,
      tokenTypeIdx,
      tokenType
    };
  }
  createFullToken(image, startOffset, tokenTypeIdx, tokenType, startLine, startColumn, imageLength) {
    return {
      image,
      startOffset,
      endOffset: startOffset + imageLength - 1,
      startLine,
      endLine: startLine,
      startColumn,
      endColumn: startColumn + imageLength - 1,
      tokenTypeIdx,
      tokenType
    };
  }
  addTokenUsingPush(tokenVector, index, tokenToAdd) {
    tokenVector.push(tokenToAdd);
    return index;
  }
  addTokenUsingMemberAccess(tokenVector, index, tokenToAdd) {
    tokenVector[index] = tokenToAdd;
    index++;
    return index;
  }
  handlePayloadNoCustom(token, payload) {
  }
  handlePayloadWithCustom(token, payload) {
    if (payload !== null) {
      token.payload = payload;
    }
  }
  match(pattern, text, offset) {
    const found = pattern.test(text);
    if (found === true) {
      return text.substring(offset, pattern.lastIndex);
    }
    return null;
  }
  matchLength(pattern, text, offset) {
    const found = pattern.test(text);
    if (found === true) {
      return pattern.lastIndex - offset;
    }
    return -1;
  }
};
Lexer.SKIPPED = "This marks a skipped Token pattern, this means each token identified by it will be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.";
Lexer.NA = /NOT_APPLICABLE/;

// node_modules/chevrotain/lib/src/scan/tokens_public.js
function tokenLabel2(tokType) {
  if (hasTokenLabel2(tokType)) {
    return tokType.LABEL;
  } else {
    return tokType.name;
  }
}
function hasTokenLabel2(obj) {
  return isString_default(obj.LABEL) && obj.LABEL !== "";
}
var PARENT = "parent";
var CATEGORIES = "categories";
var LABEL = "label";
var GROUP = "group";
var PUSH_MODE = "push_mode";
var POP_MODE = "pop_mode";
var LONGER_ALT = "longer_alt";
var LINE_BREAKS = "line_breaks";
var START_CHARS_HINT = "start_chars_hint";
function createToken(config) {
  return createTokenInternal(config);
}
function createTokenInternal(config) {
  const pattern = config.pattern;
  const tokenType = {};
  tokenType.name = config.name;
  if (!isUndefined_default(pattern)) {
    tokenType.PATTERN = pattern;
  }
  if (has_default(config, PARENT)) {
    throw "The parent property is no longer supported.\nSee: https://github.com/chevrotain/chevrotain/issues/564#issuecomment-349062346 for details.";
  }
  if (has_default(config, CATEGORIES)) {
    tokenType.CATEGORIES = config[CATEGORIES];
  }
  augmentTokenTypes([tokenType]);
  if (has_default(config, LABEL)) {
    tokenType.LABEL = config[LABEL];
  }
  if (has_default(config, GROUP)) {
    tokenType.GROUP = config[GROUP];
  }
  if (has_default(config, POP_MODE)) {
    tokenType.POP_MODE = config[POP_MODE];
  }
  if (has_default(config, PUSH_MODE)) {
    tokenType.PUSH_MODE = config[PUSH_MODE];
  }
  if (has_default(config, LONGER_ALT)) {
    tokenType.LONGER_ALT = config[LONGER_ALT];
  }
  if (has_default(config, LINE_BREAKS)) {
    tokenType.LINE_BREAKS = config[LINE_BREAKS];
  }
  if (has_default(config, START_CHARS_HINT)) {
    tokenType.START_CHARS_HINT = config[START_CHARS_HINT];
  }
  return tokenType;
}
var EOF = createToken({ name: "EOF", pattern: Lexer.NA });
augmentTokenTypes([EOF]);
function createTokenInstance(tokType, image, startOffset, endOffset, startLine, endLine, startColumn, endColumn) {
  return {
    image,
    startOffset,
    endOffset,
    startLine,
    endLine,
    startColumn,
    endColumn,
    tokenTypeIdx: tokType.tokenTypeIdx,
    tokenType: tokType
  };
}
function tokenMatcher(token, tokType) {
  return tokenStructuredMatcher(token, tokType);
}

// node_modules/chevrotain/lib/src/parse/errors_public.js
var defaultParserErrorProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    const hasLabel = hasTokenLabel2(expected);
    const expectedMsg = hasLabel ? `--> ${tokenLabel2(expected)} <--` : `token of type --> ${expected.name} <--`;
    const msg = `Expecting ${expectedMsg} but found --> '${actual.image}' <--`;
    return msg;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return "Redundant input, expecting EOF but found: " + firstRedundant.image;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription, ruleName }) {
    const errPrefix = "Expecting: ";
    const actualText = head_default(actual).image;
    const errSuffix = "\nbut found: '" + actualText + "'";
    if (customUserDescription) {
      return errPrefix + customUserDescription + errSuffix;
    } else {
      const allLookAheadPaths = reduce_default(expectedPathsPerAlt, (result, currAltPaths) => result.concat(currAltPaths), []);
      const nextValidTokenSequences = map_default(allLookAheadPaths, (currPath) => `[${map_default(currPath, (currTokenType) => tokenLabel2(currTokenType)).join(", ")}]`);
      const nextValidSequenceItems = map_default(nextValidTokenSequences, (itemMsg, idx) => `  ${idx + 1}. ${itemMsg}`);
      const calculatedDescription = `one of these possible Token sequences:
${nextValidSequenceItems.join("\n")}`;
      return errPrefix + calculatedDescription + errSuffix;
    }
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, customUserDescription, ruleName }) {
    const errPrefix = "Expecting: ";
    const actualText = head_default(actual).image;
    const errSuffix = "\nbut found: '" + actualText + "'";
    if (customUserDescription) {
      return errPrefix + customUserDescription + errSuffix;
    } else {
      const nextValidTokenSequences = map_default(expectedIterationPaths, (currPath) => `[${map_default(currPath, (currTokenType) => tokenLabel2(currTokenType)).join(",")}]`);
      const calculatedDescription = `expecting at least one iteration which starts with one of these possible Token sequences::
  <${nextValidTokenSequences.join(" ,")}>`;
      return errPrefix + calculatedDescription + errSuffix;
    }
  }
};
Object.freeze(defaultParserErrorProvider);
var defaultGrammarResolverErrorProvider = {
  buildRuleNotFoundError(topLevelRule, undefinedRule) {
    const msg = "Invalid grammar, reference to a rule which is not defined: ->" + undefinedRule.nonTerminalName + "<-\ninside top level rule: ->" + topLevelRule.name + "<-";
    return msg;
  }
};
var defaultGrammarValidatorErrorProvider = {
  buildDuplicateFoundError(topLevelRule, duplicateProds) {
    function getExtraProductionArgument2(prod) {
      if (prod instanceof Terminal) {
        return prod.terminalType.name;
      } else if (prod instanceof NonTerminal) {
        return prod.nonTerminalName;
      } else {
        return "";
      }
    }
    const topLevelName = topLevelRule.name;
    const duplicateProd = head_default(duplicateProds);
    const index = duplicateProd.idx;
    const dslName = getProductionDslName(duplicateProd);
    const extraArgument = getExtraProductionArgument2(duplicateProd);
    const hasExplicitIndex = index > 0;
    let msg = `->${dslName}${hasExplicitIndex ? index : ""}<- ${extraArgument ? `with argument: ->${extraArgument}<-` : ""}
                  appears more than once (${duplicateProds.length} times) in the top level rule: ->${topLevelName}<-.                  
                  For further details see: https://chevrotain.io/docs/FAQ.html#NUMERICAL_SUFFIXES 
                  `;
    msg = msg.replace(/[ \t]+/g, " ");
    msg = msg.replace(/\s\s+/g, "\n");
    return msg;
  },
  buildNamespaceConflictError(rule) {
    const errMsg = `Namespace conflict found in grammar.
The grammar has both a Terminal(Token) and a Non-Terminal(Rule) named: <${rule.name}>.
To resolve this make sure each Terminal and Non-Terminal names are unique
This is easy to accomplish by using the convention that Terminal names start with an uppercase letter
and Non-Terminal names start with a lower case letter.`;
    return errMsg;
  },
  buildAlternationPrefixAmbiguityError(options) {
    const pathMsg = map_default(options.prefixPath, (currTok) => tokenLabel2(currTok)).join(", ");
    const occurrence = options.alternation.idx === 0 ? "" : options.alternation.idx;
    const errMsg = `Ambiguous alternatives: <${options.ambiguityIndices.join(" ,")}> due to common lookahead prefix
in <OR${occurrence}> inside <${options.topLevelRule.name}> Rule,
<${pathMsg}> may appears as a prefix path in all these alternatives.
See: https://chevrotain.io/docs/guide/resolving_grammar_errors.html#COMMON_PREFIX
For Further details.`;
    return errMsg;
  },
  buildAlternationAmbiguityError(options) {
    const occurrence = options.alternation.idx === 0 ? "" : options.alternation.idx;
    const isEmptyPath = options.prefixPath.length === 0;
    let currMessage = `Ambiguous Alternatives Detected: <${options.ambiguityIndices.join(" ,")}> in <OR${occurrence}> inside <${options.topLevelRule.name}> Rule,
`;
    if (isEmptyPath) {
      currMessage += `These alternatives are all empty (match no tokens), making them indistinguishable.
Only the last alternative may be empty.
`;
    } else {
      const pathMsg = map_default(options.prefixPath, (currtok) => tokenLabel2(currtok)).join(", ");
      currMessage += `<${pathMsg}> may appears as a prefix path in all these alternatives.
`;
    }
    currMessage += `See: https://chevrotain.io/docs/guide/resolving_grammar_errors.html#AMBIGUOUS_ALTERNATIVES
For Further details.`;
    return currMessage;
  },
  buildEmptyRepetitionError(options) {
    let dslName = getProductionDslName(options.repetition);
    if (options.repetition.idx !== 0) {
      dslName += options.repetition.idx;
    }
    const errMsg = `The repetition <${dslName}> within Rule <${options.topLevelRule.name}> can never consume any tokens.
This could lead to an infinite loop.`;
    return errMsg;
  },
  // TODO: remove - `errors_public` from nyc.config.js exclude
  //       once this method is fully removed from this file
  buildTokenNameError(options) {
    return "deprecated";
  },
  buildEmptyAlternationError(options) {
    const errMsg = `Ambiguous empty alternative: <${options.emptyChoiceIdx + 1}> in <OR${options.alternation.idx}> inside <${options.topLevelRule.name}> Rule.
Only the last alternative may be an empty alternative.`;
    return errMsg;
  },
  buildTooManyAlternativesError(options) {
    const errMsg = `An Alternation cannot have more than 256 alternatives:
<OR${options.alternation.idx}> inside <${options.topLevelRule.name}> Rule.
 has ${options.alternation.definition.length + 1} alternatives.`;
    return errMsg;
  },
  buildLeftRecursionError(options) {
    const ruleName = options.topLevelRule.name;
    const pathNames = map_default(options.leftRecursionPath, (currRule) => currRule.name);
    const leftRecursivePath = `${ruleName} --> ${pathNames.concat([ruleName]).join(" --> ")}`;
    const errMsg = `Left Recursion found in grammar.
rule: <${ruleName}> can be invoked from itself (directly or indirectly)
without consuming any Tokens. The grammar path that causes this is: 
 ${leftRecursivePath}
 To fix this refactor your grammar to remove the left recursion.
see: https://en.wikipedia.org/wiki/LL_parser#Left_factoring.`;
    return errMsg;
  },
  // TODO: remove - `errors_public` from nyc.config.js exclude
  //       once this method is fully removed from this file
  buildInvalidRuleNameError(options) {
    return "deprecated";
  },
  buildDuplicateRuleNameError(options) {
    let ruleName;
    if (options.topLevelRule instanceof Rule) {
      ruleName = options.topLevelRule.name;
    } else {
      ruleName = options.topLevelRule;
    }
    const errMsg = `Duplicate definition, rule: ->${ruleName}<- is already defined in the grammar: ->${options.grammarName}<-`;
    return errMsg;
  }
};

// node_modules/chevrotain/lib/src/parse/grammar/resolver.js
function resolveGrammar(topLevels, errMsgProvider) {
  const refResolver = new GastRefResolverVisitor(topLevels, errMsgProvider);
  refResolver.resolveRefs();
  return refResolver.errors;
}
var GastRefResolverVisitor = class extends GAstVisitor {
  constructor(nameToTopRule, errMsgProvider) {
    super();
    this.nameToTopRule = nameToTopRule;
    this.errMsgProvider = errMsgProvider;
    this.errors = [];
  }
  resolveRefs() {
    forEach_default(values_default(this.nameToTopRule), (prod) => {
      this.currTopLevel = prod;
      prod.accept(this);
    });
  }
  visitNonTerminal(node) {
    const ref = this.nameToTopRule[node.nonTerminalName];
    if (!ref) {
      const msg = this.errMsgProvider.buildRuleNotFoundError(this.currTopLevel, node);
      this.errors.push({
        message: msg,
        type: ParserDefinitionErrorType.UNRESOLVED_SUBRULE_REF,
        ruleName: this.currTopLevel.name,
        unresolvedRefName: node.nonTerminalName
      });
    } else {
      node.referencedRule = ref;
    }
  }
};

// node_modules/chevrotain/lib/src/parse/grammar/interpreter.js
var AbstractNextPossibleTokensWalker = class extends RestWalker {
  constructor(topProd, path) {
    super();
    this.topProd = topProd;
    this.path = path;
    this.possibleTokTypes = [];
    this.nextProductionName = "";
    this.nextProductionOccurrence = 0;
    this.found = false;
    this.isAtEndOfPath = false;
  }
  startWalking() {
    this.found = false;
    if (this.path.ruleStack[0] !== this.topProd.name) {
      throw Error("The path does not start with the walker's top Rule!");
    }
    this.ruleStack = clone_default(this.path.ruleStack).reverse();
    this.occurrenceStack = clone_default(this.path.occurrenceStack).reverse();
    this.ruleStack.pop();
    this.occurrenceStack.pop();
    this.updateExpectedNext();
    this.walk(this.topProd);
    return this.possibleTokTypes;
  }
  walk(prod, prevRest = []) {
    if (!this.found) {
      super.walk(prod, prevRest);
    }
  }
  walkProdRef(refProd, currRest, prevRest) {
    if (refProd.referencedRule.name === this.nextProductionName && refProd.idx === this.nextProductionOccurrence) {
      const fullRest = currRest.concat(prevRest);
      this.updateExpectedNext();
      this.walk(refProd.referencedRule, fullRest);
    }
  }
  updateExpectedNext() {
    if (isEmpty_default(this.ruleStack)) {
      this.nextProductionName = "";
      this.nextProductionOccurrence = 0;
      this.isAtEndOfPath = true;
    } else {
      this.nextProductionName = this.ruleStack.pop();
      this.nextProductionOccurrence = this.occurrenceStack.pop();
    }
  }
};
var NextAfterTokenWalker = class extends AbstractNextPossibleTokensWalker {
  constructor(topProd, path) {
    super(topProd, path);
    this.path = path;
    this.nextTerminalName = "";
    this.nextTerminalOccurrence = 0;
    this.nextTerminalName = this.path.lastTok.name;
    this.nextTerminalOccurrence = this.path.lastTokOccurrence;
  }
  walkTerminal(terminal, currRest, prevRest) {
    if (this.isAtEndOfPath && terminal.terminalType.name === this.nextTerminalName && terminal.idx === this.nextTerminalOccurrence && !this.found) {
      const fullRest = currRest.concat(prevRest);
      const restProd = new Alternative({ definition: fullRest });
      this.possibleTokTypes = first(restProd);
      this.found = true;
    }
  }
};
var AbstractNextTerminalAfterProductionWalker = class extends RestWalker {
  constructor(topRule, occurrence) {
    super();
    this.topRule = topRule;
    this.occurrence = occurrence;
    this.result = {
      token: void 0,
      occurrence: void 0,
      isEndOfRule: void 0
    };
  }
  startWalking() {
    this.walk(this.topRule);
    return this.result;
  }
};
var NextTerminalAfterManyWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkMany(manyProd, currRest, prevRest) {
    if (manyProd.idx === this.occurrence) {
      const firstAfterMany = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterMany === void 0;
      if (firstAfterMany instanceof Terminal) {
        this.result.token = firstAfterMany.terminalType;
        this.result.occurrence = firstAfterMany.idx;
      }
    } else {
      super.walkMany(manyProd, currRest, prevRest);
    }
  }
};
var NextTerminalAfterManySepWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkManySep(manySepProd, currRest, prevRest) {
    if (manySepProd.idx === this.occurrence) {
      const firstAfterManySep = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterManySep === void 0;
      if (firstAfterManySep instanceof Terminal) {
        this.result.token = firstAfterManySep.terminalType;
        this.result.occurrence = firstAfterManySep.idx;
      }
    } else {
      super.walkManySep(manySepProd, currRest, prevRest);
    }
  }
};
var NextTerminalAfterAtLeastOneWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkAtLeastOne(atLeastOneProd, currRest, prevRest) {
    if (atLeastOneProd.idx === this.occurrence) {
      const firstAfterAtLeastOne = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterAtLeastOne === void 0;
      if (firstAfterAtLeastOne instanceof Terminal) {
        this.result.token = firstAfterAtLeastOne.terminalType;
        this.result.occurrence = firstAfterAtLeastOne.idx;
      }
    } else {
      super.walkAtLeastOne(atLeastOneProd, currRest, prevRest);
    }
  }
};
var NextTerminalAfterAtLeastOneSepWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkAtLeastOneSep(atleastOneSepProd, currRest, prevRest) {
    if (atleastOneSepProd.idx === this.occurrence) {
      const firstAfterfirstAfterAtLeastOneSep = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterfirstAfterAtLeastOneSep === void 0;
      if (firstAfterfirstAfterAtLeastOneSep instanceof Terminal) {
        this.result.token = firstAfterfirstAfterAtLeastOneSep.terminalType;
        this.result.occurrence = firstAfterfirstAfterAtLeastOneSep.idx;
      }
    } else {
      super.walkAtLeastOneSep(atleastOneSepProd, currRest, prevRest);
    }
  }
};
function possiblePathsFrom(targetDef, maxLength, currPath = []) {
  currPath = clone_default(currPath);
  let result = [];
  let i = 0;
  function remainingPathWith(nextDef) {
    return nextDef.concat(drop_default(targetDef, i + 1));
  }
  function getAlternativesForProd(definition) {
    const alternatives = possiblePathsFrom(remainingPathWith(definition), maxLength, currPath);
    return result.concat(alternatives);
  }
  while (currPath.length < maxLength && i < targetDef.length) {
    const prod = targetDef[i];
    if (prod instanceof Alternative) {
      return getAlternativesForProd(prod.definition);
    } else if (prod instanceof NonTerminal) {
      return getAlternativesForProd(prod.definition);
    } else if (prod instanceof Option) {
      result = getAlternativesForProd(prod.definition);
    } else if (prod instanceof RepetitionMandatory) {
      const newDef = prod.definition.concat([
        new Repetition({
          definition: prod.definition
        })
      ]);
      return getAlternativesForProd(newDef);
    } else if (prod instanceof RepetitionMandatoryWithSeparator) {
      const newDef = [
        new Alternative({ definition: prod.definition }),
        new Repetition({
          definition: [new Terminal({ terminalType: prod.separator })].concat(prod.definition)
        })
      ];
      return getAlternativesForProd(newDef);
    } else if (prod instanceof RepetitionWithSeparator) {
      const newDef = prod.definition.concat([
        new Repetition({
          definition: [new Terminal({ terminalType: prod.separator })].concat(prod.definition)
        })
      ]);
      result = getAlternativesForProd(newDef);
    } else if (prod instanceof Repetition) {
      const newDef = prod.definition.concat([
        new Repetition({
          definition: prod.definition
        })
      ]);
      result = getAlternativesForProd(newDef);
    } else if (prod instanceof Alternation) {
      forEach_default(prod.definition, (currAlt) => {
        if (isEmpty_default(currAlt.definition) === false) {
          result = getAlternativesForProd(currAlt.definition);
        }
      });
      return result;
    } else if (prod instanceof Terminal) {
      currPath.push(prod.terminalType);
    } else {
      throw Error("non exhaustive match");
    }
    i++;
  }
  result.push({
    partialPath: currPath,
    suffixDef: drop_default(targetDef, i)
  });
  return result;
}
function nextPossibleTokensAfter(initialDef, tokenVector, tokMatcher, maxLookAhead) {
  const EXIT_NON_TERMINAL = "EXIT_NONE_TERMINAL";
  const EXIT_NON_TERMINAL_ARR = [EXIT_NON_TERMINAL];
  const EXIT_ALTERNATIVE = "EXIT_ALTERNATIVE";
  let foundCompletePath = false;
  const tokenVectorLength = tokenVector.length;
  const minimalAlternativesIndex = tokenVectorLength - maxLookAhead - 1;
  const result = [];
  const possiblePaths = [];
  possiblePaths.push({
    idx: -1,
    def: initialDef,
    ruleStack: [],
    occurrenceStack: []
  });
  while (!isEmpty_default(possiblePaths)) {
    const currPath = possiblePaths.pop();
    if (currPath === EXIT_ALTERNATIVE) {
      if (foundCompletePath && last_default(possiblePaths).idx <= minimalAlternativesIndex) {
        possiblePaths.pop();
      }
      continue;
    }
    const currDef = currPath.def;
    const currIdx = currPath.idx;
    const currRuleStack = currPath.ruleStack;
    const currOccurrenceStack = currPath.occurrenceStack;
    if (isEmpty_default(currDef)) {
      continue;
    }
    const prod = currDef[0];
    if (prod === EXIT_NON_TERMINAL) {
      const nextPath = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: dropRight_default(currRuleStack),
        occurrenceStack: dropRight_default(currOccurrenceStack)
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof Terminal) {
      if (currIdx < tokenVectorLength - 1) {
        const nextIdx = currIdx + 1;
        const actualToken = tokenVector[nextIdx];
        if (tokMatcher(actualToken, prod.terminalType)) {
          const nextPath = {
            idx: nextIdx,
            def: drop_default(currDef),
            ruleStack: currRuleStack,
            occurrenceStack: currOccurrenceStack
          };
          possiblePaths.push(nextPath);
        }
      } else if (currIdx === tokenVectorLength - 1) {
        result.push({
          nextTokenType: prod.terminalType,
          nextTokenOccurrence: prod.idx,
          ruleStack: currRuleStack,
          occurrenceStack: currOccurrenceStack
        });
        foundCompletePath = true;
      } else {
        throw Error("non exhaustive match");
      }
    } else if (prod instanceof NonTerminal) {
      const newRuleStack = clone_default(currRuleStack);
      newRuleStack.push(prod.nonTerminalName);
      const newOccurrenceStack = clone_default(currOccurrenceStack);
      newOccurrenceStack.push(prod.idx);
      const nextPath = {
        idx: currIdx,
        def: prod.definition.concat(EXIT_NON_TERMINAL_ARR, drop_default(currDef)),
        ruleStack: newRuleStack,
        occurrenceStack: newOccurrenceStack
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof Option) {
      const nextPathWithout = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWithout);
      possiblePaths.push(EXIT_ALTERNATIVE);
      const nextPathWith = {
        idx: currIdx,
        def: prod.definition.concat(drop_default(currDef)),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWith);
    } else if (prod instanceof RepetitionMandatory) {
      const secondIteration = new Repetition({
        definition: prod.definition,
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([secondIteration], drop_default(currDef));
      const nextPath = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof RepetitionMandatoryWithSeparator) {
      const separatorGast = new Terminal({
        terminalType: prod.separator
      });
      const secondIteration = new Repetition({
        definition: [separatorGast].concat(prod.definition),
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([secondIteration], drop_default(currDef));
      const nextPath = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof RepetitionWithSeparator) {
      const nextPathWithout = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWithout);
      possiblePaths.push(EXIT_ALTERNATIVE);
      const separatorGast = new Terminal({
        terminalType: prod.separator
      });
      const nthRepetition = new Repetition({
        definition: [separatorGast].concat(prod.definition),
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([nthRepetition], drop_default(currDef));
      const nextPathWith = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWith);
    } else if (prod instanceof Repetition) {
      const nextPathWithout = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWithout);
      possiblePaths.push(EXIT_ALTERNATIVE);
      const nthRepetition = new Repetition({
        definition: prod.definition,
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([nthRepetition], drop_default(currDef));
      const nextPathWith = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWith);
    } else if (prod instanceof Alternation) {
      for (let i = prod.definition.length - 1; i >= 0; i--) {
        const currAlt = prod.definition[i];
        const currAltPath = {
          idx: currIdx,
          def: currAlt.definition.concat(drop_default(currDef)),
          ruleStack: currRuleStack,
          occurrenceStack: currOccurrenceStack
        };
        possiblePaths.push(currAltPath);
        possiblePaths.push(EXIT_ALTERNATIVE);
      }
    } else if (prod instanceof Alternative) {
      possiblePaths.push({
        idx: currIdx,
        def: prod.definition.concat(drop_default(currDef)),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      });
    } else if (prod instanceof Rule) {
      possiblePaths.push(expandTopLevelRule(prod, currIdx, currRuleStack, currOccurrenceStack));
    } else {
      throw Error("non exhaustive match");
    }
  }
  return result;
}
function expandTopLevelRule(topRule, currIdx, currRuleStack, currOccurrenceStack) {
  const newRuleStack = clone_default(currRuleStack);
  newRuleStack.push(topRule.name);
  const newCurrOccurrenceStack = clone_default(currOccurrenceStack);
  newCurrOccurrenceStack.push(1);
  return {
    idx: currIdx,
    def: topRule.definition,
    ruleStack: newRuleStack,
    occurrenceStack: newCurrOccurrenceStack
  };
}

// node_modules/chevrotain/lib/src/parse/grammar/lookahead.js
var PROD_TYPE;
(function(PROD_TYPE2) {
  PROD_TYPE2[PROD_TYPE2["OPTION"] = 0] = "OPTION";
  PROD_TYPE2[PROD_TYPE2["REPETITION"] = 1] = "REPETITION";
  PROD_TYPE2[PROD_TYPE2["REPETITION_MANDATORY"] = 2] = "REPETITION_MANDATORY";
  PROD_TYPE2[PROD_TYPE2["REPETITION_MANDATORY_WITH_SEPARATOR"] = 3] = "REPETITION_MANDATORY_WITH_SEPARATOR";
  PROD_TYPE2[PROD_TYPE2["REPETITION_WITH_SEPARATOR"] = 4] = "REPETITION_WITH_SEPARATOR";
  PROD_TYPE2[PROD_TYPE2["ALTERNATION"] = 5] = "ALTERNATION";
})(PROD_TYPE || (PROD_TYPE = {}));
function getProdType(prod) {
  if (prod instanceof Option || prod === "Option") {
    return PROD_TYPE.OPTION;
  } else if (prod instanceof Repetition || prod === "Repetition") {
    return PROD_TYPE.REPETITION;
  } else if (prod instanceof RepetitionMandatory || prod === "RepetitionMandatory") {
    return PROD_TYPE.REPETITION_MANDATORY;
  } else if (prod instanceof RepetitionMandatoryWithSeparator || prod === "RepetitionMandatoryWithSeparator") {
    return PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR;
  } else if (prod instanceof RepetitionWithSeparator || prod === "RepetitionWithSeparator") {
    return PROD_TYPE.REPETITION_WITH_SEPARATOR;
  } else if (prod instanceof Alternation || prod === "Alternation") {
    return PROD_TYPE.ALTERNATION;
  } else {
    throw Error("non exhaustive match");
  }
}
function buildLookaheadFuncForOr(occurrence, ruleGrammar, maxLookahead, hasPredicates, dynamicTokensEnabled, laFuncBuilder) {
  const lookAheadPaths = getLookaheadPathsForOr(occurrence, ruleGrammar, maxLookahead);
  const tokenMatcher2 = areTokenCategoriesNotUsed(lookAheadPaths) ? tokenStructuredMatcherNoCategories : tokenStructuredMatcher;
  return laFuncBuilder(lookAheadPaths, hasPredicates, tokenMatcher2, dynamicTokensEnabled);
}
function buildLookaheadFuncForOptionalProd(occurrence, ruleGrammar, k, dynamicTokensEnabled, prodType, lookaheadBuilder) {
  const lookAheadPaths = getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k);
  const tokenMatcher2 = areTokenCategoriesNotUsed(lookAheadPaths) ? tokenStructuredMatcherNoCategories : tokenStructuredMatcher;
  return lookaheadBuilder(lookAheadPaths[0], tokenMatcher2, dynamicTokensEnabled);
}
function buildAlternativesLookAheadFunc(alts, hasPredicates, tokenMatcher2, dynamicTokensEnabled) {
  const numOfAlts = alts.length;
  const areAllOneTokenLookahead = every_default(alts, (currAlt) => {
    return every_default(currAlt, (currPath) => {
      return currPath.length === 1;
    });
  });
  if (hasPredicates) {
    return function(orAlts) {
      const predicates = map_default(orAlts, (currAlt) => currAlt.GATE);
      for (let t = 0; t < numOfAlts; t++) {
        const currAlt = alts[t];
        const currNumOfPaths = currAlt.length;
        const currPredicate = predicates[t];
        if (currPredicate !== void 0 && currPredicate.call(this) === false) {
          continue;
        }
        nextPath: for (let j = 0; j < currNumOfPaths; j++) {
          const currPath = currAlt[j];
          const currPathLength = currPath.length;
          for (let i = 0; i < currPathLength; i++) {
            const nextToken = this.LA_FAST(i + 1);
            if (tokenMatcher2(nextToken, currPath[i]) === false) {
              continue nextPath;
            }
          }
          return t;
        }
      }
      return void 0;
    };
  } else if (areAllOneTokenLookahead && !dynamicTokensEnabled) {
    const singleTokenAlts = map_default(alts, (currAlt) => {
      return flatten_default(currAlt);
    });
    const choiceToAlt = reduce_default(singleTokenAlts, (result, currAlt, idx) => {
      forEach_default(currAlt, (currTokType) => {
        if (!has_default(result, currTokType.tokenTypeIdx)) {
          result[currTokType.tokenTypeIdx] = idx;
        }
        forEach_default(currTokType.categoryMatches, (currExtendingType) => {
          if (!has_default(result, currExtendingType)) {
            result[currExtendingType] = idx;
          }
        });
      });
      return result;
    }, {});
    return function() {
      const nextToken = this.LA_FAST(1);
      return choiceToAlt[nextToken.tokenTypeIdx];
    };
  } else {
    return function() {
      for (let t = 0; t < numOfAlts; t++) {
        const currAlt = alts[t];
        const currNumOfPaths = currAlt.length;
        nextPath: for (let j = 0; j < currNumOfPaths; j++) {
          const currPath = currAlt[j];
          const currPathLength = currPath.length;
          for (let i = 0; i < currPathLength; i++) {
            const nextToken = this.LA_FAST(i + 1);
            if (tokenMatcher2(nextToken, currPath[i]) === false) {
              continue nextPath;
            }
          }
          return t;
        }
      }
      return void 0;
    };
  }
}
function buildSingleAlternativeLookaheadFunction(alt, tokenMatcher2, dynamicTokensEnabled) {
  const areAllOneTokenLookahead = every_default(alt, (currPath) => {
    return currPath.length === 1;
  });
  const numOfPaths = alt.length;
  if (areAllOneTokenLookahead && !dynamicTokensEnabled) {
    const singleTokensTypes = flatten_default(alt);
    if (singleTokensTypes.length === 1 && isEmpty_default(singleTokensTypes[0].categoryMatches)) {
      const expectedTokenType = singleTokensTypes[0];
      const expectedTokenUniqueKey = expectedTokenType.tokenTypeIdx;
      return function() {
        return this.LA_FAST(1).tokenTypeIdx === expectedTokenUniqueKey;
      };
    } else {
      const choiceToAlt = reduce_default(singleTokensTypes, (result, currTokType, idx) => {
        result[currTokType.tokenTypeIdx] = true;
        forEach_default(currTokType.categoryMatches, (currExtendingType) => {
          result[currExtendingType] = true;
        });
        return result;
      }, []);
      return function() {
        const nextToken = this.LA_FAST(1);
        return choiceToAlt[nextToken.tokenTypeIdx] === true;
      };
    }
  } else {
    return function() {
      nextPath: for (let j = 0; j < numOfPaths; j++) {
        const currPath = alt[j];
        const currPathLength = currPath.length;
        for (let i = 0; i < currPathLength; i++) {
          const nextToken = this.LA_FAST(i + 1);
          if (tokenMatcher2(nextToken, currPath[i]) === false) {
            continue nextPath;
          }
        }
        return true;
      }
      return false;
    };
  }
}
var RestDefinitionFinderWalker = class extends RestWalker {
  constructor(topProd, targetOccurrence, targetProdType) {
    super();
    this.topProd = topProd;
    this.targetOccurrence = targetOccurrence;
    this.targetProdType = targetProdType;
  }
  startWalking() {
    this.walk(this.topProd);
    return this.restDef;
  }
  checkIsTarget(node, expectedProdType, currRest, prevRest) {
    if (node.idx === this.targetOccurrence && this.targetProdType === expectedProdType) {
      this.restDef = currRest.concat(prevRest);
      return true;
    }
    return false;
  }
  walkOption(optionProd, currRest, prevRest) {
    if (!this.checkIsTarget(optionProd, PROD_TYPE.OPTION, currRest, prevRest)) {
      super.walkOption(optionProd, currRest, prevRest);
    }
  }
  walkAtLeastOne(atLeastOneProd, currRest, prevRest) {
    if (!this.checkIsTarget(atLeastOneProd, PROD_TYPE.REPETITION_MANDATORY, currRest, prevRest)) {
      super.walkOption(atLeastOneProd, currRest, prevRest);
    }
  }
  walkAtLeastOneSep(atLeastOneSepProd, currRest, prevRest) {
    if (!this.checkIsTarget(atLeastOneSepProd, PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR, currRest, prevRest)) {
      super.walkOption(atLeastOneSepProd, currRest, prevRest);
    }
  }
  walkMany(manyProd, currRest, prevRest) {
    if (!this.checkIsTarget(manyProd, PROD_TYPE.REPETITION, currRest, prevRest)) {
      super.walkOption(manyProd, currRest, prevRest);
    }
  }
  walkManySep(manySepProd, currRest, prevRest) {
    if (!this.checkIsTarget(manySepProd, PROD_TYPE.REPETITION_WITH_SEPARATOR, currRest, prevRest)) {
      super.walkOption(manySepProd, currRest, prevRest);
    }
  }
};
var InsideDefinitionFinderVisitor = class extends GAstVisitor {
  constructor(targetOccurrence, targetProdType, targetRef) {
    super();
    this.targetOccurrence = targetOccurrence;
    this.targetProdType = targetProdType;
    this.targetRef = targetRef;
    this.result = [];
  }
  checkIsTarget(node, expectedProdName) {
    if (node.idx === this.targetOccurrence && this.targetProdType === expectedProdName && (this.targetRef === void 0 || node === this.targetRef)) {
      this.result = node.definition;
    }
  }
  visitOption(node) {
    this.checkIsTarget(node, PROD_TYPE.OPTION);
  }
  visitRepetition(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION);
  }
  visitRepetitionMandatory(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION_MANDATORY);
  }
  visitRepetitionMandatoryWithSeparator(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR);
  }
  visitRepetitionWithSeparator(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION_WITH_SEPARATOR);
  }
  visitAlternation(node) {
    this.checkIsTarget(node, PROD_TYPE.ALTERNATION);
  }
};
function initializeArrayOfArrays(size) {
  const result = new Array(size);
  for (let i = 0; i < size; i++) {
    result[i] = [];
  }
  return result;
}
function pathToHashKeys(path) {
  let keys2 = [""];
  for (let i = 0; i < path.length; i++) {
    const tokType = path[i];
    const longerKeys = [];
    for (let j = 0; j < keys2.length; j++) {
      const currShorterKey = keys2[j];
      longerKeys.push(currShorterKey + "_" + tokType.tokenTypeIdx);
      for (let t = 0; t < tokType.categoryMatches.length; t++) {
        const categoriesKeySuffix = "_" + tokType.categoryMatches[t];
        longerKeys.push(currShorterKey + categoriesKeySuffix);
      }
    }
    keys2 = longerKeys;
  }
  return keys2;
}
function isUniquePrefixHash(altKnownPathsKeys, searchPathKeys, idx) {
  for (let currAltIdx = 0; currAltIdx < altKnownPathsKeys.length; currAltIdx++) {
    if (currAltIdx === idx) {
      continue;
    }
    const otherAltKnownPathsKeys = altKnownPathsKeys[currAltIdx];
    for (let searchIdx = 0; searchIdx < searchPathKeys.length; searchIdx++) {
      const searchKey = searchPathKeys[searchIdx];
      if (otherAltKnownPathsKeys[searchKey] === true) {
        return false;
      }
    }
  }
  return true;
}
function lookAheadSequenceFromAlternatives(altsDefs, k) {
  const partialAlts = map_default(altsDefs, (currAlt) => possiblePathsFrom([currAlt], 1));
  const finalResult = initializeArrayOfArrays(partialAlts.length);
  const altsHashes = map_default(partialAlts, (currAltPaths) => {
    const dict = {};
    forEach_default(currAltPaths, (item) => {
      const keys2 = pathToHashKeys(item.partialPath);
      forEach_default(keys2, (currKey) => {
        dict[currKey] = true;
      });
    });
    return dict;
  });
  let newData = partialAlts;
  for (let pathLength = 1; pathLength <= k; pathLength++) {
    const currDataset = newData;
    newData = initializeArrayOfArrays(currDataset.length);
    for (let altIdx = 0; altIdx < currDataset.length; altIdx++) {
      const currAltPathsAndSuffixes = currDataset[altIdx];
      for (let currPathIdx = 0; currPathIdx < currAltPathsAndSuffixes.length; currPathIdx++) {
        const currPathPrefix = currAltPathsAndSuffixes[currPathIdx].partialPath;
        const suffixDef = currAltPathsAndSuffixes[currPathIdx].suffixDef;
        const prefixKeys = pathToHashKeys(currPathPrefix);
        const isUnique = isUniquePrefixHash(altsHashes, prefixKeys, altIdx);
        if (isUnique || isEmpty_default(suffixDef) || currPathPrefix.length === k) {
          const currAltResult = finalResult[altIdx];
          if (containsPath(currAltResult, currPathPrefix) === false) {
            currAltResult.push(currPathPrefix);
            for (let j = 0; j < prefixKeys.length; j++) {
              const currKey = prefixKeys[j];
              altsHashes[altIdx][currKey] = true;
            }
          }
        } else {
          const newPartialPathsAndSuffixes = possiblePathsFrom(suffixDef, pathLength + 1, currPathPrefix);
          newData[altIdx] = newData[altIdx].concat(newPartialPathsAndSuffixes);
          forEach_default(newPartialPathsAndSuffixes, (item) => {
            const prefixKeys2 = pathToHashKeys(item.partialPath);
            forEach_default(prefixKeys2, (key) => {
              altsHashes[altIdx][key] = true;
            });
          });
        }
      }
    }
  }
  return finalResult;
}
function getLookaheadPathsForOr(occurrence, ruleGrammar, k, orProd) {
  const visitor = new InsideDefinitionFinderVisitor(occurrence, PROD_TYPE.ALTERNATION, orProd);
  ruleGrammar.accept(visitor);
  return lookAheadSequenceFromAlternatives(visitor.result, k);
}
function getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k) {
  const insideDefVisitor = new InsideDefinitionFinderVisitor(occurrence, prodType);
  ruleGrammar.accept(insideDefVisitor);
  const insideDef = insideDefVisitor.result;
  const afterDefWalker = new RestDefinitionFinderWalker(ruleGrammar, occurrence, prodType);
  const afterDef = afterDefWalker.startWalking();
  const insideFlat = new Alternative({ definition: insideDef });
  const afterFlat = new Alternative({ definition: afterDef });
  return lookAheadSequenceFromAlternatives([insideFlat, afterFlat], k);
}
function containsPath(alternative, searchPath) {
  compareOtherPath: for (let i = 0; i < alternative.length; i++) {
    const otherPath = alternative[i];
    if (otherPath.length !== searchPath.length) {
      continue;
    }
    for (let j = 0; j < otherPath.length; j++) {
      const searchTok = searchPath[j];
      const otherTok = otherPath[j];
      const matchingTokens = searchTok === otherTok || otherTok.categoryMatchesMap[searchTok.tokenTypeIdx] !== void 0;
      if (matchingTokens === false) {
        continue compareOtherPath;
      }
    }
    return true;
  }
  return false;
}
function isStrictPrefixOfPath(prefix, other) {
  return prefix.length < other.length && every_default(prefix, (tokType, idx) => {
    const otherTokType = other[idx];
    return tokType === otherTokType || otherTokType.categoryMatchesMap[tokType.tokenTypeIdx];
  });
}
function areTokenCategoriesNotUsed(lookAheadPaths) {
  return every_default(lookAheadPaths, (singleAltPaths) => every_default(singleAltPaths, (singlePath) => every_default(singlePath, (token) => isEmpty_default(token.categoryMatches))));
}

// node_modules/chevrotain/lib/src/parse/grammar/checks.js
function validateLookahead(options) {
  const lookaheadValidationErrorMessages = options.lookaheadStrategy.validate({
    rules: options.rules,
    tokenTypes: options.tokenTypes,
    grammarName: options.grammarName
  });
  return map_default(lookaheadValidationErrorMessages, (errorMessage) => Object.assign({ type: ParserDefinitionErrorType.CUSTOM_LOOKAHEAD_VALIDATION }, errorMessage));
}
function validateGrammar(topLevels, tokenTypes, errMsgProvider, grammarName) {
  const duplicateErrors = flatMap_default(topLevels, (currTopLevel) => validateDuplicateProductions(currTopLevel, errMsgProvider));
  const termsNamespaceConflictErrors = checkTerminalAndNoneTerminalsNameSpace(topLevels, tokenTypes, errMsgProvider);
  const tooManyAltsErrors = flatMap_default(topLevels, (curRule) => validateTooManyAlts(curRule, errMsgProvider));
  const duplicateRulesError = flatMap_default(topLevels, (curRule) => validateRuleDoesNotAlreadyExist(curRule, topLevels, grammarName, errMsgProvider));
  return duplicateErrors.concat(termsNamespaceConflictErrors, tooManyAltsErrors, duplicateRulesError);
}
function validateDuplicateProductions(topLevelRule, errMsgProvider) {
  const collectorVisitor2 = new OccurrenceValidationCollector();
  topLevelRule.accept(collectorVisitor2);
  const allRuleProductions = collectorVisitor2.allProductions;
  const productionGroups = groupBy_default(allRuleProductions, identifyProductionForDuplicates);
  const duplicates = pickBy_default(productionGroups, (currGroup) => {
    return currGroup.length > 1;
  });
  const errors = map_default(values_default(duplicates), (currDuplicates) => {
    const firstProd = head_default(currDuplicates);
    const msg = errMsgProvider.buildDuplicateFoundError(topLevelRule, currDuplicates);
    const dslName = getProductionDslName(firstProd);
    const defError = {
      message: msg,
      type: ParserDefinitionErrorType.DUPLICATE_PRODUCTIONS,
      ruleName: topLevelRule.name,
      dslName,
      occurrence: firstProd.idx
    };
    const param = getExtraProductionArgument(firstProd);
    if (param) {
      defError.parameter = param;
    }
    return defError;
  });
  return errors;
}
function identifyProductionForDuplicates(prod) {
  return `${getProductionDslName(prod)}_#_${prod.idx}_#_${getExtraProductionArgument(prod)}`;
}
function getExtraProductionArgument(prod) {
  if (prod instanceof Terminal) {
    return prod.terminalType.name;
  } else if (prod instanceof NonTerminal) {
    return prod.nonTerminalName;
  } else {
    return "";
  }
}
var OccurrenceValidationCollector = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.allProductions = [];
  }
  visitNonTerminal(subrule) {
    this.allProductions.push(subrule);
  }
  visitOption(option2) {
    this.allProductions.push(option2);
  }
  visitRepetitionWithSeparator(manySep) {
    this.allProductions.push(manySep);
  }
  visitRepetitionMandatory(atLeastOne) {
    this.allProductions.push(atLeastOne);
  }
  visitRepetitionMandatoryWithSeparator(atLeastOneSep) {
    this.allProductions.push(atLeastOneSep);
  }
  visitRepetition(many) {
    this.allProductions.push(many);
  }
  visitAlternation(or) {
    this.allProductions.push(or);
  }
  visitTerminal(terminal) {
    this.allProductions.push(terminal);
  }
};
function validateRuleDoesNotAlreadyExist(rule, allRules2, className, errMsgProvider) {
  const errors = [];
  const occurrences = reduce_default(allRules2, (result, curRule) => {
    if (curRule.name === rule.name) {
      return result + 1;
    }
    return result;
  }, 0);
  if (occurrences > 1) {
    const errMsg = errMsgProvider.buildDuplicateRuleNameError({
      topLevelRule: rule,
      grammarName: className
    });
    errors.push({
      message: errMsg,
      type: ParserDefinitionErrorType.DUPLICATE_RULE_NAME,
      ruleName: rule.name
    });
  }
  return errors;
}
function validateRuleIsOverridden(ruleName, definedRulesNames, className) {
  const errors = [];
  let errMsg;
  if (!includes_default(definedRulesNames, ruleName)) {
    errMsg = `Invalid rule override, rule: ->${ruleName}<- cannot be overridden in the grammar: ->${className}<-as it is not defined in any of the super grammars `;
    errors.push({
      message: errMsg,
      type: ParserDefinitionErrorType.INVALID_RULE_OVERRIDE,
      ruleName
    });
  }
  return errors;
}
function validateNoLeftRecursion(topRule, currRule, errMsgProvider, path = []) {
  const errors = [];
  const nextNonTerminals = getFirstNoneTerminal(currRule.definition);
  if (isEmpty_default(nextNonTerminals)) {
    return [];
  } else {
    const ruleName = topRule.name;
    const foundLeftRecursion = includes_default(nextNonTerminals, topRule);
    if (foundLeftRecursion) {
      errors.push({
        message: errMsgProvider.buildLeftRecursionError({
          topLevelRule: topRule,
          leftRecursionPath: path
        }),
        type: ParserDefinitionErrorType.LEFT_RECURSION,
        ruleName
      });
    }
    const validNextSteps = difference_default(nextNonTerminals, path.concat([topRule]));
    const errorsFromNextSteps = flatMap_default(validNextSteps, (currRefRule) => {
      const newPath = clone_default(path);
      newPath.push(currRefRule);
      return validateNoLeftRecursion(topRule, currRefRule, errMsgProvider, newPath);
    });
    return errors.concat(errorsFromNextSteps);
  }
}
function getFirstNoneTerminal(definition) {
  let result = [];
  if (isEmpty_default(definition)) {
    return result;
  }
  const firstProd = head_default(definition);
  if (firstProd instanceof NonTerminal) {
    result.push(firstProd.referencedRule);
  } else if (firstProd instanceof Alternative || firstProd instanceof Option || firstProd instanceof RepetitionMandatory || firstProd instanceof RepetitionMandatoryWithSeparator || firstProd instanceof RepetitionWithSeparator || firstProd instanceof Repetition) {
    result = result.concat(getFirstNoneTerminal(firstProd.definition));
  } else if (firstProd instanceof Alternation) {
    result = flatten_default(map_default(firstProd.definition, (currSubDef) => getFirstNoneTerminal(currSubDef.definition)));
  } else if (firstProd instanceof Terminal) {
  } else {
    throw Error("non exhaustive match");
  }
  const isFirstOptional = isOptionalProd(firstProd);
  const hasMore = definition.length > 1;
  if (isFirstOptional && hasMore) {
    const rest = drop_default(definition);
    return result.concat(getFirstNoneTerminal(rest));
  } else {
    return result;
  }
}
var OrCollector = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.alternations = [];
  }
  visitAlternation(node) {
    this.alternations.push(node);
  }
};
function validateEmptyOrAlternative(topLevelRule, errMsgProvider) {
  const orCollector = new OrCollector();
  topLevelRule.accept(orCollector);
  const ors = orCollector.alternations;
  const errors = flatMap_default(ors, (currOr) => {
    const exceptLast = dropRight_default(currOr.definition);
    return flatMap_default(exceptLast, (currAlternative, currAltIdx) => {
      const possibleFirstInAlt = nextPossibleTokensAfter([currAlternative], [], tokenStructuredMatcher, 1);
      if (isEmpty_default(possibleFirstInAlt)) {
        return [
          {
            message: errMsgProvider.buildEmptyAlternationError({
              topLevelRule,
              alternation: currOr,
              emptyChoiceIdx: currAltIdx
            }),
            type: ParserDefinitionErrorType.NONE_LAST_EMPTY_ALT,
            ruleName: topLevelRule.name,
            occurrence: currOr.idx,
            alternative: currAltIdx + 1
          }
        ];
      } else {
        return [];
      }
    });
  });
  return errors;
}
function validateAmbiguousAlternationAlternatives(topLevelRule, globalMaxLookahead, errMsgProvider) {
  const orCollector = new OrCollector();
  topLevelRule.accept(orCollector);
  let ors = orCollector.alternations;
  ors = reject_default(ors, (currOr) => currOr.ignoreAmbiguities === true);
  const errors = flatMap_default(ors, (currOr) => {
    const currOccurrence = currOr.idx;
    const actualMaxLookahead = currOr.maxLookahead || globalMaxLookahead;
    const alternatives = getLookaheadPathsForOr(currOccurrence, topLevelRule, actualMaxLookahead, currOr);
    const altsAmbiguityErrors = checkAlternativesAmbiguities(alternatives, currOr, topLevelRule, errMsgProvider);
    const altsPrefixAmbiguityErrors = checkPrefixAlternativesAmbiguities(alternatives, currOr, topLevelRule, errMsgProvider);
    return altsAmbiguityErrors.concat(altsPrefixAmbiguityErrors);
  });
  return errors;
}
var RepetitionCollector = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.allProductions = [];
  }
  visitRepetitionWithSeparator(manySep) {
    this.allProductions.push(manySep);
  }
  visitRepetitionMandatory(atLeastOne) {
    this.allProductions.push(atLeastOne);
  }
  visitRepetitionMandatoryWithSeparator(atLeastOneSep) {
    this.allProductions.push(atLeastOneSep);
  }
  visitRepetition(many) {
    this.allProductions.push(many);
  }
};
function validateTooManyAlts(topLevelRule, errMsgProvider) {
  const orCollector = new OrCollector();
  topLevelRule.accept(orCollector);
  const ors = orCollector.alternations;
  const errors = flatMap_default(ors, (currOr) => {
    if (currOr.definition.length > 255) {
      return [
        {
          message: errMsgProvider.buildTooManyAlternativesError({
            topLevelRule,
            alternation: currOr
          }),
          type: ParserDefinitionErrorType.TOO_MANY_ALTS,
          ruleName: topLevelRule.name,
          occurrence: currOr.idx
        }
      ];
    } else {
      return [];
    }
  });
  return errors;
}
function validateSomeNonEmptyLookaheadPath(topLevelRules, maxLookahead, errMsgProvider) {
  const errors = [];
  forEach_default(topLevelRules, (currTopRule) => {
    const collectorVisitor2 = new RepetitionCollector();
    currTopRule.accept(collectorVisitor2);
    const allRuleProductions = collectorVisitor2.allProductions;
    forEach_default(allRuleProductions, (currProd) => {
      const prodType = getProdType(currProd);
      const actualMaxLookahead = currProd.maxLookahead || maxLookahead;
      const currOccurrence = currProd.idx;
      const paths = getLookaheadPathsForOptionalProd(currOccurrence, currTopRule, prodType, actualMaxLookahead);
      const pathsInsideProduction = paths[0];
      if (isEmpty_default(flatten_default(pathsInsideProduction))) {
        const errMsg = errMsgProvider.buildEmptyRepetitionError({
          topLevelRule: currTopRule,
          repetition: currProd
        });
        errors.push({
          message: errMsg,
          type: ParserDefinitionErrorType.NO_NON_EMPTY_LOOKAHEAD,
          ruleName: currTopRule.name
        });
      }
    });
  });
  return errors;
}
function checkAlternativesAmbiguities(alternatives, alternation, rule, errMsgProvider) {
  const foundAmbiguousPaths = [];
  const identicalAmbiguities = reduce_default(alternatives, (result, currAlt, currAltIdx) => {
    if (alternation.definition[currAltIdx].ignoreAmbiguities === true) {
      return result;
    }
    forEach_default(currAlt, (currPath) => {
      const altsCurrPathAppearsIn = [currAltIdx];
      forEach_default(alternatives, (currOtherAlt, currOtherAltIdx) => {
        if (currAltIdx !== currOtherAltIdx && containsPath(currOtherAlt, currPath) && // ignore (skip) ambiguities with this "other" alternative
        alternation.definition[currOtherAltIdx].ignoreAmbiguities !== true) {
          altsCurrPathAppearsIn.push(currOtherAltIdx);
        }
      });
      if (altsCurrPathAppearsIn.length > 1 && !containsPath(foundAmbiguousPaths, currPath)) {
        foundAmbiguousPaths.push(currPath);
        result.push({
          alts: altsCurrPathAppearsIn,
          path: currPath
        });
      }
    });
    return result;
  }, []);
  const currErrors = map_default(identicalAmbiguities, (currAmbDescriptor) => {
    const ambgIndices = map_default(currAmbDescriptor.alts, (currAltIdx) => currAltIdx + 1);
    const currMessage = errMsgProvider.buildAlternationAmbiguityError({
      topLevelRule: rule,
      alternation,
      ambiguityIndices: ambgIndices,
      prefixPath: currAmbDescriptor.path
    });
    return {
      message: currMessage,
      type: ParserDefinitionErrorType.AMBIGUOUS_ALTS,
      ruleName: rule.name,
      occurrence: alternation.idx,
      alternatives: currAmbDescriptor.alts
    };
  });
  return currErrors;
}
function checkPrefixAlternativesAmbiguities(alternatives, alternation, rule, errMsgProvider) {
  const pathsAndIndices = reduce_default(alternatives, (result, currAlt, idx) => {
    const currPathsAndIdx = map_default(currAlt, (currPath) => {
      return { idx, path: currPath };
    });
    return result.concat(currPathsAndIdx);
  }, []);
  const errors = compact_default(flatMap_default(pathsAndIndices, (currPathAndIdx) => {
    const alternativeGast = alternation.definition[currPathAndIdx.idx];
    if (alternativeGast.ignoreAmbiguities === true) {
      return [];
    }
    const targetIdx = currPathAndIdx.idx;
    const targetPath = currPathAndIdx.path;
    const prefixAmbiguitiesPathsAndIndices = filter_default(pathsAndIndices, (searchPathAndIdx) => {
      return (
        // ignore (skip) ambiguities with this "other" alternative
        alternation.definition[searchPathAndIdx.idx].ignoreAmbiguities !== true && searchPathAndIdx.idx < targetIdx && // checking for strict prefix because identical lookaheads
        // will be be detected using a different validation.
        isStrictPrefixOfPath(searchPathAndIdx.path, targetPath)
      );
    });
    const currPathPrefixErrors = map_default(prefixAmbiguitiesPathsAndIndices, (currAmbPathAndIdx) => {
      const ambgIndices = [currAmbPathAndIdx.idx + 1, targetIdx + 1];
      const occurrence = alternation.idx === 0 ? "" : alternation.idx;
      const message5 = errMsgProvider.buildAlternationPrefixAmbiguityError({
        topLevelRule: rule,
        alternation,
        ambiguityIndices: ambgIndices,
        prefixPath: currAmbPathAndIdx.path
      });
      return {
        message: message5,
        type: ParserDefinitionErrorType.AMBIGUOUS_PREFIX_ALTS,
        ruleName: rule.name,
        occurrence,
        alternatives: ambgIndices
      };
    });
    return currPathPrefixErrors;
  }));
  return errors;
}
function checkTerminalAndNoneTerminalsNameSpace(topLevels, tokenTypes, errMsgProvider) {
  const errors = [];
  const tokenNames = map_default(tokenTypes, (currToken) => currToken.name);
  forEach_default(topLevels, (currRule) => {
    const currRuleName = currRule.name;
    if (includes_default(tokenNames, currRuleName)) {
      const errMsg = errMsgProvider.buildNamespaceConflictError(currRule);
      errors.push({
        message: errMsg,
        type: ParserDefinitionErrorType.CONFLICT_TOKENS_RULES_NAMESPACE,
        ruleName: currRuleName
      });
    }
  });
  return errors;
}

// node_modules/chevrotain/lib/src/parse/grammar/gast/gast_resolver_public.js
function resolveGrammar2(options) {
  const actualOptions = defaults_default(options, {
    errMsgProvider: defaultGrammarResolverErrorProvider
  });
  const topRulesTable = {};
  forEach_default(options.rules, (rule) => {
    topRulesTable[rule.name] = rule;
  });
  return resolveGrammar(topRulesTable, actualOptions.errMsgProvider);
}
function validateGrammar2(options) {
  options = defaults_default(options, {
    errMsgProvider: defaultGrammarValidatorErrorProvider
  });
  return validateGrammar(options.rules, options.tokenTypes, options.errMsgProvider, options.grammarName);
}

// node_modules/chevrotain/lib/src/parse/exceptions_public.js
var MISMATCHED_TOKEN_EXCEPTION = "MismatchedTokenException";
var NO_VIABLE_ALT_EXCEPTION = "NoViableAltException";
var EARLY_EXIT_EXCEPTION = "EarlyExitException";
var NOT_ALL_INPUT_PARSED_EXCEPTION = "NotAllInputParsedException";
var RECOGNITION_EXCEPTION_NAMES = [
  MISMATCHED_TOKEN_EXCEPTION,
  NO_VIABLE_ALT_EXCEPTION,
  EARLY_EXIT_EXCEPTION,
  NOT_ALL_INPUT_PARSED_EXCEPTION
];
Object.freeze(RECOGNITION_EXCEPTION_NAMES);
function isRecognitionException(error) {
  return includes_default(RECOGNITION_EXCEPTION_NAMES, error.name);
}
var RecognitionException = class extends Error {
  constructor(message5, token) {
    super(message5);
    this.token = token;
    this.resyncedTokens = [];
    Object.setPrototypeOf(this, new.target.prototype);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
};
var MismatchedTokenException = class extends RecognitionException {
  constructor(message5, token, previousToken) {
    super(message5, token);
    this.previousToken = previousToken;
    this.name = MISMATCHED_TOKEN_EXCEPTION;
  }
};
var NoViableAltException = class extends RecognitionException {
  constructor(message5, token, previousToken) {
    super(message5, token);
    this.previousToken = previousToken;
    this.name = NO_VIABLE_ALT_EXCEPTION;
  }
};
var NotAllInputParsedException = class extends RecognitionException {
  constructor(message5, token) {
    super(message5, token);
    this.name = NOT_ALL_INPUT_PARSED_EXCEPTION;
  }
};
var EarlyExitException = class extends RecognitionException {
  constructor(message5, token, previousToken) {
    super(message5, token);
    this.previousToken = previousToken;
    this.name = EARLY_EXIT_EXCEPTION;
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/recoverable.js
var EOF_FOLLOW_KEY = {};
var IN_RULE_RECOVERY_EXCEPTION = "InRuleRecoveryException";
var InRuleRecoveryException = class extends Error {
  constructor(message5) {
    super(message5);
    this.name = IN_RULE_RECOVERY_EXCEPTION;
  }
};
var Recoverable = class {
  initRecoverable(config) {
    this.firstAfterRepMap = {};
    this.resyncFollows = {};
    this.recoveryEnabled = has_default(config, "recoveryEnabled") ? config.recoveryEnabled : DEFAULT_PARSER_CONFIG.recoveryEnabled;
    if (this.recoveryEnabled) {
      this.attemptInRepetitionRecovery = attemptInRepetitionRecovery;
    }
  }
  getTokenToInsert(tokType) {
    const tokToInsert = createTokenInstance(tokType, "", NaN, NaN, NaN, NaN, NaN, NaN);
    tokToInsert.isInsertedInRecovery = true;
    return tokToInsert;
  }
  canTokenTypeBeInsertedInRecovery(tokType) {
    return true;
  }
  canTokenTypeBeDeletedInRecovery(tokType) {
    return true;
  }
  tryInRepetitionRecovery(grammarRule, grammarRuleArgs, lookAheadFunc, expectedTokType) {
    const reSyncTokType = this.findReSyncTokenType();
    const savedLexerState = this.exportLexerState();
    const resyncedTokens = [];
    let passedResyncPoint = false;
    const nextTokenWithoutResync = this.LA_FAST(1);
    let currToken = this.LA_FAST(1);
    const generateErrorMessage = () => {
      const previousToken = this.LA(0);
      const msg = this.errorMessageProvider.buildMismatchTokenMessage({
        expected: expectedTokType,
        actual: nextTokenWithoutResync,
        previous: previousToken,
        ruleName: this.getCurrRuleFullName()
      });
      const error = new MismatchedTokenException(msg, nextTokenWithoutResync, this.LA(0));
      error.resyncedTokens = dropRight_default(resyncedTokens);
      this.SAVE_ERROR(error);
    };
    while (!passedResyncPoint) {
      if (this.tokenMatcher(currToken, expectedTokType)) {
        generateErrorMessage();
        return;
      } else if (lookAheadFunc.call(this)) {
        generateErrorMessage();
        grammarRule.apply(this, grammarRuleArgs);
        return;
      } else if (this.tokenMatcher(currToken, reSyncTokType)) {
        passedResyncPoint = true;
      } else {
        currToken = this.SKIP_TOKEN();
        this.addToResyncTokens(currToken, resyncedTokens);
      }
    }
    this.importLexerState(savedLexerState);
  }
  shouldInRepetitionRecoveryBeTried(expectTokAfterLastMatch, nextTokIdx, notStuck) {
    if (notStuck === false) {
      return false;
    }
    if (this.tokenMatcher(this.LA_FAST(1), expectTokAfterLastMatch)) {
      return false;
    }
    if (this.isBackTracking()) {
      return false;
    }
    if (this.canPerformInRuleRecovery(expectTokAfterLastMatch, this.getFollowsForInRuleRecovery(expectTokAfterLastMatch, nextTokIdx))) {
      return false;
    }
    return true;
  }
  // Error Recovery functionality
  getFollowsForInRuleRecovery(tokType, tokIdxInRule) {
    const grammarPath = this.getCurrentGrammarPath(tokType, tokIdxInRule);
    const follows = this.getNextPossibleTokenTypes(grammarPath);
    return follows;
  }
  tryInRuleRecovery(expectedTokType, follows) {
    if (this.canRecoverWithSingleTokenInsertion(expectedTokType, follows)) {
      const tokToInsert = this.getTokenToInsert(expectedTokType);
      return tokToInsert;
    }
    if (this.canRecoverWithSingleTokenDeletion(expectedTokType)) {
      const nextTok = this.SKIP_TOKEN();
      this.consumeToken();
      return nextTok;
    }
    throw new InRuleRecoveryException("sad sad panda");
  }
  canPerformInRuleRecovery(expectedToken, follows) {
    return this.canRecoverWithSingleTokenInsertion(expectedToken, follows) || this.canRecoverWithSingleTokenDeletion(expectedToken);
  }
  canRecoverWithSingleTokenInsertion(expectedTokType, follows) {
    if (!this.canTokenTypeBeInsertedInRecovery(expectedTokType)) {
      return false;
    }
    if (isEmpty_default(follows)) {
      return false;
    }
    const mismatchedTok = this.LA_FAST(1);
    const isMisMatchedTokInFollows = find_default(follows, (possibleFollowsTokType) => {
      return this.tokenMatcher(mismatchedTok, possibleFollowsTokType);
    }) !== void 0;
    return isMisMatchedTokInFollows;
  }
  canRecoverWithSingleTokenDeletion(expectedTokType) {
    if (!this.canTokenTypeBeDeletedInRecovery(expectedTokType)) {
      return false;
    }
    const isNextTokenWhatIsExpected = this.tokenMatcher(
      // not using LA_FAST because LA(2) might be un-safe with maxLookahead=1
      // in some edge cases (?)
      this.LA(2),
      expectedTokType
    );
    return isNextTokenWhatIsExpected;
  }
  isInCurrentRuleReSyncSet(tokenTypeIdx) {
    const followKey = this.getCurrFollowKey();
    const currentRuleReSyncSet = this.getFollowSetFromFollowKey(followKey);
    return includes_default(currentRuleReSyncSet, tokenTypeIdx);
  }
  findReSyncTokenType() {
    const allPossibleReSyncTokTypes = this.flattenFollowSet();
    let nextToken = this.LA_FAST(1);
    let k = 2;
    while (true) {
      const foundMatch = find_default(allPossibleReSyncTokTypes, (resyncTokType) => {
        const canMatch = tokenMatcher(nextToken, resyncTokType);
        return canMatch;
      });
      if (foundMatch !== void 0) {
        return foundMatch;
      }
      nextToken = this.LA(k);
      k++;
    }
  }
  getCurrFollowKey() {
    if (this.RULE_STACK_IDX === 0) {
      return EOF_FOLLOW_KEY;
    }
    const currRuleShortName = this.currRuleShortName;
    const currRuleIdx = this.getLastExplicitRuleOccurrenceIndex();
    const prevRuleShortName = this.getPreviousExplicitRuleShortName();
    return {
      ruleName: this.shortRuleNameToFullName(currRuleShortName),
      idxInCallingRule: currRuleIdx,
      inRule: this.shortRuleNameToFullName(prevRuleShortName)
    };
  }
  buildFullFollowKeyStack() {
    const explicitRuleStack = this.RULE_STACK;
    const explicitOccurrenceStack = this.RULE_OCCURRENCE_STACK;
    const len = this.RULE_STACK_IDX + 1;
    const result = new Array(len);
    for (let idx = 0; idx < len; idx++) {
      if (idx === 0) {
        result[idx] = EOF_FOLLOW_KEY;
      } else {
        result[idx] = {
          ruleName: this.shortRuleNameToFullName(explicitRuleStack[idx]),
          idxInCallingRule: explicitOccurrenceStack[idx],
          inRule: this.shortRuleNameToFullName(explicitRuleStack[idx - 1])
        };
      }
    }
    return result;
  }
  flattenFollowSet() {
    const followStack = map_default(this.buildFullFollowKeyStack(), (currKey) => {
      return this.getFollowSetFromFollowKey(currKey);
    });
    return flatten_default(followStack);
  }
  getFollowSetFromFollowKey(followKey) {
    if (followKey === EOF_FOLLOW_KEY) {
      return [EOF];
    }
    const followName = followKey.ruleName + followKey.idxInCallingRule + IN + followKey.inRule;
    return this.resyncFollows[followName];
  }
  // It does not make any sense to include a virtual EOF token in the list of resynced tokens
  // as EOF does not really exist and thus does not contain any useful information (line/column numbers)
  addToResyncTokens(token, resyncTokens) {
    if (!this.tokenMatcher(token, EOF)) {
      resyncTokens.push(token);
    }
    return resyncTokens;
  }
  reSyncTo(tokType) {
    const resyncedTokens = [];
    let nextTok = this.LA_FAST(1);
    while (this.tokenMatcher(nextTok, tokType) === false) {
      nextTok = this.SKIP_TOKEN();
      this.addToResyncTokens(nextTok, resyncedTokens);
    }
    return dropRight_default(resyncedTokens);
  }
  attemptInRepetitionRecovery(prodFunc, args, lookaheadFunc, dslMethodIdx, prodOccurrence, nextToksWalker, notStuck) {
  }
  getCurrentGrammarPath(tokType, tokIdxInRule) {
    const pathRuleStack = this.getHumanReadableRuleStack();
    const pathOccurrenceStack = this.RULE_OCCURRENCE_STACK.slice(0, this.RULE_OCCURRENCE_STACK_IDX + 1);
    const grammarPath = {
      ruleStack: pathRuleStack,
      occurrenceStack: pathOccurrenceStack,
      lastTok: tokType,
      lastTokOccurrence: tokIdxInRule
    };
    return grammarPath;
  }
  getHumanReadableRuleStack() {
    const len = this.RULE_STACK_IDX + 1;
    const result = new Array(len);
    for (let i = 0; i < len; i++) {
      result[i] = this.shortRuleNameToFullName(this.RULE_STACK[i]);
    }
    return result;
  }
};
function attemptInRepetitionRecovery(prodFunc, args, lookaheadFunc, dslMethodIdx, prodOccurrence, nextToksWalker, notStuck) {
  const key = this.getKeyForAutomaticLookahead(dslMethodIdx, prodOccurrence);
  let firstAfterRepInfo = this.firstAfterRepMap[key];
  if (firstAfterRepInfo === void 0) {
    const currRuleName = this.getCurrRuleFullName();
    const ruleGrammar = this.getGAstProductions()[currRuleName];
    const walker = new nextToksWalker(ruleGrammar, prodOccurrence);
    firstAfterRepInfo = walker.startWalking();
    this.firstAfterRepMap[key] = firstAfterRepInfo;
  }
  let expectTokAfterLastMatch = firstAfterRepInfo.token;
  let nextTokIdx = firstAfterRepInfo.occurrence;
  const isEndOfRule = firstAfterRepInfo.isEndOfRule;
  if (this.RULE_STACK_IDX === 0 && isEndOfRule && expectTokAfterLastMatch === void 0) {
    expectTokAfterLastMatch = EOF;
    nextTokIdx = 1;
  }
  if (expectTokAfterLastMatch === void 0 || nextTokIdx === void 0) {
    return;
  }
  if (this.shouldInRepetitionRecoveryBeTried(expectTokAfterLastMatch, nextTokIdx, notStuck)) {
    this.tryInRepetitionRecovery(prodFunc, args, lookaheadFunc, expectTokAfterLastMatch);
  }
}

// node_modules/chevrotain/lib/src/parse/grammar/keys.js
var BITS_FOR_METHOD_TYPE = 4;
var BITS_FOR_OCCURRENCE_IDX = 8;
var BITS_FOR_ALT_IDX = 8;
var OR_IDX = 1 << BITS_FOR_OCCURRENCE_IDX;
var OPTION_IDX = 2 << BITS_FOR_OCCURRENCE_IDX;
var MANY_IDX = 3 << BITS_FOR_OCCURRENCE_IDX;
var AT_LEAST_ONE_IDX = 4 << BITS_FOR_OCCURRENCE_IDX;
var MANY_SEP_IDX = 5 << BITS_FOR_OCCURRENCE_IDX;
var AT_LEAST_ONE_SEP_IDX = 6 << BITS_FOR_OCCURRENCE_IDX;
function getKeyForAutomaticLookahead(ruleIdx, dslMethodIdx, occurrence) {
  return occurrence | dslMethodIdx | ruleIdx;
}
var BITS_START_FOR_ALT_IDX = 32 - BITS_FOR_ALT_IDX;

// node_modules/chevrotain/lib/src/parse/grammar/llk_lookahead.js
var LLkLookaheadStrategy = class {
  constructor(options) {
    var _a;
    this.maxLookahead = (_a = options === null || options === void 0 ? void 0 : options.maxLookahead) !== null && _a !== void 0 ? _a : DEFAULT_PARSER_CONFIG.maxLookahead;
  }
  validate(options) {
    const leftRecursionErrors = this.validateNoLeftRecursion(options.rules);
    if (isEmpty_default(leftRecursionErrors)) {
      const emptyAltErrors = this.validateEmptyOrAlternatives(options.rules);
      const ambiguousAltsErrors = this.validateAmbiguousAlternationAlternatives(options.rules, this.maxLookahead);
      const emptyRepetitionErrors = this.validateSomeNonEmptyLookaheadPath(options.rules, this.maxLookahead);
      const allErrors = [
        ...leftRecursionErrors,
        ...emptyAltErrors,
        ...ambiguousAltsErrors,
        ...emptyRepetitionErrors
      ];
      return allErrors;
    }
    return leftRecursionErrors;
  }
  validateNoLeftRecursion(rules) {
    return flatMap_default(rules, (currTopRule) => validateNoLeftRecursion(currTopRule, currTopRule, defaultGrammarValidatorErrorProvider));
  }
  validateEmptyOrAlternatives(rules) {
    return flatMap_default(rules, (currTopRule) => validateEmptyOrAlternative(currTopRule, defaultGrammarValidatorErrorProvider));
  }
  validateAmbiguousAlternationAlternatives(rules, maxLookahead) {
    return flatMap_default(rules, (currTopRule) => validateAmbiguousAlternationAlternatives(currTopRule, maxLookahead, defaultGrammarValidatorErrorProvider));
  }
  validateSomeNonEmptyLookaheadPath(rules, maxLookahead) {
    return validateSomeNonEmptyLookaheadPath(rules, maxLookahead, defaultGrammarValidatorErrorProvider);
  }
  buildLookaheadForAlternation(options) {
    return buildLookaheadFuncForOr(options.prodOccurrence, options.rule, options.maxLookahead, options.hasPredicates, options.dynamicTokensEnabled, buildAlternativesLookAheadFunc);
  }
  buildLookaheadForOptional(options) {
    return buildLookaheadFuncForOptionalProd(options.prodOccurrence, options.rule, options.maxLookahead, options.dynamicTokensEnabled, getProdType(options.prodType), buildSingleAlternativeLookaheadFunction);
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/looksahead.js
var LooksAhead = class {
  initLooksAhead(config) {
    this.dynamicTokensEnabled = has_default(config, "dynamicTokensEnabled") ? config.dynamicTokensEnabled : DEFAULT_PARSER_CONFIG.dynamicTokensEnabled;
    this.maxLookahead = has_default(config, "maxLookahead") ? config.maxLookahead : DEFAULT_PARSER_CONFIG.maxLookahead;
    this.lookaheadStrategy = has_default(config, "lookaheadStrategy") ? config.lookaheadStrategy : new LLkLookaheadStrategy({ maxLookahead: this.maxLookahead });
    this.lookAheadFuncsCache = /* @__PURE__ */ new Map();
  }
  preComputeLookaheadFunctions(rules) {
    forEach_default(rules, (currRule) => {
      this.TRACE_INIT(`${currRule.name} Rule Lookahead`, () => {
        const { alternation, repetition, option: option2, repetitionMandatory, repetitionMandatoryWithSeparator, repetitionWithSeparator } = collectMethods(currRule);
        forEach_default(alternation, (currProd) => {
          const prodIdx = currProd.idx === 0 ? "" : currProd.idx;
          this.TRACE_INIT(`${getProductionDslName(currProd)}${prodIdx}`, () => {
            const laFunc = this.lookaheadStrategy.buildLookaheadForAlternation({
              prodOccurrence: currProd.idx,
              rule: currRule,
              maxLookahead: currProd.maxLookahead || this.maxLookahead,
              hasPredicates: currProd.hasPredicates,
              dynamicTokensEnabled: this.dynamicTokensEnabled
            });
            const key = getKeyForAutomaticLookahead(this.fullRuleNameToShort[currRule.name], OR_IDX, currProd.idx);
            this.setLaFuncCache(key, laFunc);
          });
        });
        forEach_default(repetition, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, MANY_IDX, "Repetition", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(option2, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, OPTION_IDX, "Option", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(repetitionMandatory, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, AT_LEAST_ONE_IDX, "RepetitionMandatory", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(repetitionMandatoryWithSeparator, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, AT_LEAST_ONE_SEP_IDX, "RepetitionMandatoryWithSeparator", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(repetitionWithSeparator, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, MANY_SEP_IDX, "RepetitionWithSeparator", currProd.maxLookahead, getProductionDslName(currProd));
        });
      });
    });
  }
  computeLookaheadFunc(rule, prodOccurrence, prodKey, prodType, prodMaxLookahead, dslMethodName) {
    this.TRACE_INIT(`${dslMethodName}${prodOccurrence === 0 ? "" : prodOccurrence}`, () => {
      const laFunc = this.lookaheadStrategy.buildLookaheadForOptional({
        prodOccurrence,
        rule,
        maxLookahead: prodMaxLookahead || this.maxLookahead,
        dynamicTokensEnabled: this.dynamicTokensEnabled,
        prodType
      });
      const key = getKeyForAutomaticLookahead(this.fullRuleNameToShort[rule.name], prodKey, prodOccurrence);
      this.setLaFuncCache(key, laFunc);
    });
  }
  // this actually returns a number, but it is always used as a string (object prop key)
  getKeyForAutomaticLookahead(dslMethodIdx, occurrence) {
    return getKeyForAutomaticLookahead(this.currRuleShortName, dslMethodIdx, occurrence);
  }
  getLaFuncFromCache(key) {
    return this.lookAheadFuncsCache.get(key);
  }
  /* istanbul ignore next */
  setLaFuncCache(key, value) {
    this.lookAheadFuncsCache.set(key, value);
  }
};
var DslMethodsCollectorVisitor = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.dslMethods = {
      option: [],
      alternation: [],
      repetition: [],
      repetitionWithSeparator: [],
      repetitionMandatory: [],
      repetitionMandatoryWithSeparator: []
    };
  }
  reset() {
    this.dslMethods = {
      option: [],
      alternation: [],
      repetition: [],
      repetitionWithSeparator: [],
      repetitionMandatory: [],
      repetitionMandatoryWithSeparator: []
    };
  }
  visitOption(option2) {
    this.dslMethods.option.push(option2);
  }
  visitRepetitionWithSeparator(manySep) {
    this.dslMethods.repetitionWithSeparator.push(manySep);
  }
  visitRepetitionMandatory(atLeastOne) {
    this.dslMethods.repetitionMandatory.push(atLeastOne);
  }
  visitRepetitionMandatoryWithSeparator(atLeastOneSep) {
    this.dslMethods.repetitionMandatoryWithSeparator.push(atLeastOneSep);
  }
  visitRepetition(many) {
    this.dslMethods.repetition.push(many);
  }
  visitAlternation(or) {
    this.dslMethods.alternation.push(or);
  }
};
var collectorVisitor = new DslMethodsCollectorVisitor();
function collectMethods(rule) {
  collectorVisitor.reset();
  rule.accept(collectorVisitor);
  const dslMethods = collectorVisitor.dslMethods;
  collectorVisitor.reset();
  return dslMethods;
}

// node_modules/chevrotain/lib/src/parse/cst/cst.js
function setNodeLocationOnlyOffset(currNodeLocation, newLocationInfo) {
  if (isNaN(currNodeLocation.startOffset) === true) {
    currNodeLocation.startOffset = newLocationInfo.startOffset;
    currNodeLocation.endOffset = newLocationInfo.endOffset;
  } else if (currNodeLocation.endOffset < newLocationInfo.endOffset === true) {
    currNodeLocation.endOffset = newLocationInfo.endOffset;
  }
}
function setNodeLocationFull(currNodeLocation, newLocationInfo) {
  if (isNaN(currNodeLocation.startOffset) === true) {
    currNodeLocation.startOffset = newLocationInfo.startOffset;
    currNodeLocation.startColumn = newLocationInfo.startColumn;
    currNodeLocation.startLine = newLocationInfo.startLine;
    currNodeLocation.endOffset = newLocationInfo.endOffset;
    currNodeLocation.endColumn = newLocationInfo.endColumn;
    currNodeLocation.endLine = newLocationInfo.endLine;
  } else if (currNodeLocation.endOffset < newLocationInfo.endOffset === true) {
    currNodeLocation.endOffset = newLocationInfo.endOffset;
    currNodeLocation.endColumn = newLocationInfo.endColumn;
    currNodeLocation.endLine = newLocationInfo.endLine;
  }
}
function addTerminalToCst(node, token, tokenTypeName) {
  if (node.children[tokenTypeName] === void 0) {
    node.children[tokenTypeName] = [token];
  } else {
    node.children[tokenTypeName].push(token);
  }
}
function addNoneTerminalToCst(node, ruleName, ruleResult) {
  if (node.children[ruleName] === void 0) {
    node.children[ruleName] = [ruleResult];
  } else {
    node.children[ruleName].push(ruleResult);
  }
}

// node_modules/chevrotain/lib/src/lang/lang_extensions.js
var NAME = "name";
function defineNameProp(obj, nameValue) {
  Object.defineProperty(obj, NAME, {
    enumerable: false,
    configurable: true,
    writable: false,
    value: nameValue
  });
}

// node_modules/chevrotain/lib/src/parse/cst/cst_visitor.js
function defaultVisit(ctx, param) {
  const childrenNames = keys_default(ctx);
  const childrenNamesLength = childrenNames.length;
  for (let i = 0; i < childrenNamesLength; i++) {
    const currChildName = childrenNames[i];
    const currChildArray = ctx[currChildName];
    const currChildArrayLength = currChildArray.length;
    for (let j = 0; j < currChildArrayLength; j++) {
      const currChild = currChildArray[j];
      if (currChild.tokenTypeIdx === void 0) {
        this[currChild.name](currChild.children, param);
      }
    }
  }
}
function createBaseSemanticVisitorConstructor(grammarName, ruleNames) {
  const derivedConstructor = function() {
  };
  defineNameProp(derivedConstructor, grammarName + "BaseSemantics");
  const semanticProto = {
    visit: function(cstNode, param) {
      if (isArray_default(cstNode)) {
        cstNode = cstNode[0];
      }
      if (isUndefined_default(cstNode)) {
        return void 0;
      }
      return this[cstNode.name](cstNode.children, param);
    },
    validateVisitor: function() {
      const semanticDefinitionErrors = validateVisitor(this, ruleNames);
      if (!isEmpty_default(semanticDefinitionErrors)) {
        const errorMessages = map_default(semanticDefinitionErrors, (currDefError) => currDefError.msg);
        throw Error(`Errors Detected in CST Visitor <${this.constructor.name}>:
	${errorMessages.join("\n\n").replace(/\n/g, "\n	")}`);
      }
    }
  };
  derivedConstructor.prototype = semanticProto;
  derivedConstructor.prototype.constructor = derivedConstructor;
  derivedConstructor._RULE_NAMES = ruleNames;
  return derivedConstructor;
}
function createBaseVisitorConstructorWithDefaults(grammarName, ruleNames, baseConstructor) {
  const derivedConstructor = function() {
  };
  defineNameProp(derivedConstructor, grammarName + "BaseSemanticsWithDefaults");
  const withDefaultsProto = Object.create(baseConstructor.prototype);
  forEach_default(ruleNames, (ruleName) => {
    withDefaultsProto[ruleName] = defaultVisit;
  });
  derivedConstructor.prototype = withDefaultsProto;
  derivedConstructor.prototype.constructor = derivedConstructor;
  return derivedConstructor;
}
var CstVisitorDefinitionError;
(function(CstVisitorDefinitionError2) {
  CstVisitorDefinitionError2[CstVisitorDefinitionError2["REDUNDANT_METHOD"] = 0] = "REDUNDANT_METHOD";
  CstVisitorDefinitionError2[CstVisitorDefinitionError2["MISSING_METHOD"] = 1] = "MISSING_METHOD";
})(CstVisitorDefinitionError || (CstVisitorDefinitionError = {}));
function validateVisitor(visitorInstance, ruleNames) {
  const missingErrors = validateMissingCstMethods(visitorInstance, ruleNames);
  return missingErrors;
}
function validateMissingCstMethods(visitorInstance, ruleNames) {
  const missingRuleNames = filter_default(ruleNames, (currRuleName) => {
    return isFunction_default(visitorInstance[currRuleName]) === false;
  });
  const errors = map_default(missingRuleNames, (currRuleName) => {
    return {
      msg: `Missing visitor method: <${currRuleName}> on ${visitorInstance.constructor.name} CST Visitor.`,
      type: CstVisitorDefinitionError.MISSING_METHOD,
      methodName: currRuleName
    };
  });
  return compact_default(errors);
}

// node_modules/chevrotain/lib/src/parse/parser/traits/tree_builder.js
var TreeBuilder = class {
  initTreeBuilder(config) {
    this.CST_STACK = [];
    this.outputCst = config.outputCst;
    this.nodeLocationTracking = has_default(config, "nodeLocationTracking") ? config.nodeLocationTracking : DEFAULT_PARSER_CONFIG.nodeLocationTracking;
    if (!this.outputCst) {
      this.cstInvocationStateUpdate = noop_default;
      this.cstFinallyStateUpdate = noop_default;
      this.cstPostTerminal = noop_default;
      this.cstPostNonTerminal = noop_default;
      this.cstPostRule = noop_default;
    } else {
      if (/full/i.test(this.nodeLocationTracking)) {
        if (this.recoveryEnabled) {
          this.setNodeLocationFromToken = setNodeLocationFull;
          this.setNodeLocationFromNode = setNodeLocationFull;
          this.cstPostRule = noop_default;
          this.setInitialNodeLocation = this.setInitialNodeLocationFullRecovery;
        } else {
          this.setNodeLocationFromToken = noop_default;
          this.setNodeLocationFromNode = noop_default;
          this.cstPostRule = this.cstPostRuleFull;
          this.setInitialNodeLocation = this.setInitialNodeLocationFullRegular;
        }
      } else if (/onlyOffset/i.test(this.nodeLocationTracking)) {
        if (this.recoveryEnabled) {
          this.setNodeLocationFromToken = setNodeLocationOnlyOffset;
          this.setNodeLocationFromNode = setNodeLocationOnlyOffset;
          this.cstPostRule = noop_default;
          this.setInitialNodeLocation = this.setInitialNodeLocationOnlyOffsetRecovery;
        } else {
          this.setNodeLocationFromToken = noop_default;
          this.setNodeLocationFromNode = noop_default;
          this.cstPostRule = this.cstPostRuleOnlyOffset;
          this.setInitialNodeLocation = this.setInitialNodeLocationOnlyOffsetRegular;
        }
      } else if (/none/i.test(this.nodeLocationTracking)) {
        this.setNodeLocationFromToken = noop_default;
        this.setNodeLocationFromNode = noop_default;
        this.cstPostRule = noop_default;
        this.setInitialNodeLocation = noop_default;
      } else {
        throw Error(`Invalid <nodeLocationTracking> config option: "${config.nodeLocationTracking}"`);
      }
    }
  }
  setInitialNodeLocationOnlyOffsetRecovery(cstNode) {
    cstNode.location = {
      startOffset: NaN,
      endOffset: NaN
    };
  }
  setInitialNodeLocationOnlyOffsetRegular(cstNode) {
    cstNode.location = {
      // without error recovery the starting Location of a new CstNode is guaranteed
      // To be the next Token's startOffset (for valid inputs).
      // For invalid inputs there won't be any CSTOutput so this potential
      // inaccuracy does not matter
      startOffset: this.LA_FAST(1).startOffset,
      endOffset: NaN
    };
  }
  setInitialNodeLocationFullRecovery(cstNode) {
    cstNode.location = {
      startOffset: NaN,
      startLine: NaN,
      startColumn: NaN,
      endOffset: NaN,
      endLine: NaN,
      endColumn: NaN
    };
  }
  /**
       *  @see setInitialNodeLocationOnlyOffsetRegular for explanation why this work
  
       * @param cstNode
       */
  setInitialNodeLocationFullRegular(cstNode) {
    const nextToken = this.LA_FAST(1);
    cstNode.location = {
      startOffset: nextToken.startOffset,
      startLine: nextToken.startLine,
      startColumn: nextToken.startColumn,
      endOffset: NaN,
      endLine: NaN,
      endColumn: NaN
    };
  }
  cstInvocationStateUpdate(fullRuleName) {
    const cstNode = {
      name: fullRuleName,
      children: /* @__PURE__ */ Object.create(null)
    };
    this.setInitialNodeLocation(cstNode);
    this.CST_STACK.push(cstNode);
  }
  cstFinallyStateUpdate() {
    this.CST_STACK.pop();
  }
  cstPostRuleFull(ruleCstNode) {
    const prevToken = this.LA(0);
    const loc = ruleCstNode.location;
    if (loc.startOffset <= prevToken.startOffset === true) {
      loc.endOffset = prevToken.endOffset;
      loc.endLine = prevToken.endLine;
      loc.endColumn = prevToken.endColumn;
    } else {
      loc.startOffset = NaN;
      loc.startLine = NaN;
      loc.startColumn = NaN;
    }
  }
  cstPostRuleOnlyOffset(ruleCstNode) {
    const prevToken = this.LA(0);
    const loc = ruleCstNode.location;
    if (loc.startOffset <= prevToken.startOffset === true) {
      loc.endOffset = prevToken.endOffset;
    } else {
      loc.startOffset = NaN;
    }
  }
  cstPostTerminal(key, consumedToken) {
    const rootCst = this.CST_STACK[this.CST_STACK.length - 1];
    addTerminalToCst(rootCst, consumedToken, key);
    this.setNodeLocationFromToken(rootCst.location, consumedToken);
  }
  cstPostNonTerminal(ruleCstResult, ruleName) {
    const preCstNode = this.CST_STACK[this.CST_STACK.length - 1];
    addNoneTerminalToCst(preCstNode, ruleName, ruleCstResult);
    this.setNodeLocationFromNode(preCstNode.location, ruleCstResult.location);
  }
  getBaseCstVisitorConstructor() {
    if (isUndefined_default(this.baseCstVisitorConstructor)) {
      const newBaseCstVisitorConstructor = createBaseSemanticVisitorConstructor(this.className, keys_default(this.gastProductionsCache));
      this.baseCstVisitorConstructor = newBaseCstVisitorConstructor;
      return newBaseCstVisitorConstructor;
    }
    return this.baseCstVisitorConstructor;
  }
  getBaseCstVisitorConstructorWithDefaults() {
    if (isUndefined_default(this.baseCstVisitorWithDefaultsConstructor)) {
      const newConstructor = createBaseVisitorConstructorWithDefaults(this.className, keys_default(this.gastProductionsCache), this.getBaseCstVisitorConstructor());
      this.baseCstVisitorWithDefaultsConstructor = newConstructor;
      return newConstructor;
    }
    return this.baseCstVisitorWithDefaultsConstructor;
  }
  getPreviousExplicitRuleShortName() {
    return this.RULE_STACK[this.RULE_STACK_IDX - 1];
  }
  getLastExplicitRuleOccurrenceIndex() {
    return this.RULE_OCCURRENCE_STACK[this.RULE_OCCURRENCE_STACK_IDX];
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/lexer_adapter.js
var LexerAdapter = class {
  initLexerAdapter() {
    this.tokVector = [];
    this.tokVectorLength = 0;
    this.currIdx = -1;
  }
  set input(newInput) {
    if (this.selfAnalysisDone !== true) {
      throw Error(`Missing <performSelfAnalysis> invocation at the end of the Parser's constructor.`);
    }
    this.reset();
    this.tokVector = newInput;
    this.tokVectorLength = newInput.length;
  }
  get input() {
    return this.tokVector;
  }
  // skips a token and returns the next token
  SKIP_TOKEN() {
    if (this.currIdx <= this.tokVectorLength - 2) {
      this.consumeToken();
      return this.LA_FAST(1);
    } else {
      return END_OF_FILE;
    }
  }
  // Lexer (accessing Token vector) related methods which can be overridden to implement lazy lexers
  // or lexers dependent on parser context.
  // Performance Optimized version of LA without bound checks
  // note that token beyond the end of the token vector EOF Token will still be returned
  // due to using sentinels at the end of the token vector. (for K=max lookahead)
  LA_FAST(howMuch) {
    const soughtIdx = this.currIdx + howMuch;
    return this.tokVector[soughtIdx];
  }
  LA(howMuch) {
    const soughtIdx = this.currIdx + howMuch;
    if (soughtIdx < 0 || this.tokVectorLength <= soughtIdx) {
      return END_OF_FILE;
    } else {
      return this.tokVector[soughtIdx];
    }
  }
  consumeToken() {
    this.currIdx++;
  }
  exportLexerState() {
    return this.currIdx;
  }
  importLexerState(newState) {
    this.currIdx = newState;
  }
  resetLexerState() {
    this.currIdx = -1;
  }
  moveToTerminatedState() {
    this.currIdx = this.tokVectorLength - 1;
  }
  getLexerPosition() {
    return this.exportLexerState();
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/recognizer_api.js
var RecognizerApi = class {
  ACTION(impl) {
    return impl.call(this);
  }
  consume(idx, tokType, options) {
    return this.consumeInternal(tokType, idx, options);
  }
  subrule(idx, ruleToCall, options) {
    return this.subruleInternal(ruleToCall, idx, options);
  }
  option(idx, actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, idx);
  }
  or(idx, altsOrOpts) {
    return this.orInternal(altsOrOpts, idx);
  }
  many(idx, actionORMethodDef) {
    return this.manyInternal(idx, actionORMethodDef);
  }
  atLeastOne(idx, actionORMethodDef) {
    return this.atLeastOneInternal(idx, actionORMethodDef);
  }
  CONSUME(tokType, options) {
    return this.consumeInternal(tokType, 0, options);
  }
  CONSUME1(tokType, options) {
    return this.consumeInternal(tokType, 1, options);
  }
  CONSUME2(tokType, options) {
    return this.consumeInternal(tokType, 2, options);
  }
  CONSUME3(tokType, options) {
    return this.consumeInternal(tokType, 3, options);
  }
  CONSUME4(tokType, options) {
    return this.consumeInternal(tokType, 4, options);
  }
  CONSUME5(tokType, options) {
    return this.consumeInternal(tokType, 5, options);
  }
  CONSUME6(tokType, options) {
    return this.consumeInternal(tokType, 6, options);
  }
  CONSUME7(tokType, options) {
    return this.consumeInternal(tokType, 7, options);
  }
  CONSUME8(tokType, options) {
    return this.consumeInternal(tokType, 8, options);
  }
  CONSUME9(tokType, options) {
    return this.consumeInternal(tokType, 9, options);
  }
  SUBRULE(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 0, options);
  }
  SUBRULE1(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 1, options);
  }
  SUBRULE2(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 2, options);
  }
  SUBRULE3(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 3, options);
  }
  SUBRULE4(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 4, options);
  }
  SUBRULE5(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 5, options);
  }
  SUBRULE6(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 6, options);
  }
  SUBRULE7(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 7, options);
  }
  SUBRULE8(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 8, options);
  }
  SUBRULE9(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 9, options);
  }
  OPTION(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 0);
  }
  OPTION1(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 1);
  }
  OPTION2(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 2);
  }
  OPTION3(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 3);
  }
  OPTION4(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 4);
  }
  OPTION5(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 5);
  }
  OPTION6(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 6);
  }
  OPTION7(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 7);
  }
  OPTION8(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 8);
  }
  OPTION9(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 9);
  }
  OR(altsOrOpts) {
    return this.orInternal(altsOrOpts, 0);
  }
  OR1(altsOrOpts) {
    return this.orInternal(altsOrOpts, 1);
  }
  OR2(altsOrOpts) {
    return this.orInternal(altsOrOpts, 2);
  }
  OR3(altsOrOpts) {
    return this.orInternal(altsOrOpts, 3);
  }
  OR4(altsOrOpts) {
    return this.orInternal(altsOrOpts, 4);
  }
  OR5(altsOrOpts) {
    return this.orInternal(altsOrOpts, 5);
  }
  OR6(altsOrOpts) {
    return this.orInternal(altsOrOpts, 6);
  }
  OR7(altsOrOpts) {
    return this.orInternal(altsOrOpts, 7);
  }
  OR8(altsOrOpts) {
    return this.orInternal(altsOrOpts, 8);
  }
  OR9(altsOrOpts) {
    return this.orInternal(altsOrOpts, 9);
  }
  MANY(actionORMethodDef) {
    this.manyInternal(0, actionORMethodDef);
  }
  MANY1(actionORMethodDef) {
    this.manyInternal(1, actionORMethodDef);
  }
  MANY2(actionORMethodDef) {
    this.manyInternal(2, actionORMethodDef);
  }
  MANY3(actionORMethodDef) {
    this.manyInternal(3, actionORMethodDef);
  }
  MANY4(actionORMethodDef) {
    this.manyInternal(4, actionORMethodDef);
  }
  MANY5(actionORMethodDef) {
    this.manyInternal(5, actionORMethodDef);
  }
  MANY6(actionORMethodDef) {
    this.manyInternal(6, actionORMethodDef);
  }
  MANY7(actionORMethodDef) {
    this.manyInternal(7, actionORMethodDef);
  }
  MANY8(actionORMethodDef) {
    this.manyInternal(8, actionORMethodDef);
  }
  MANY9(actionORMethodDef) {
    this.manyInternal(9, actionORMethodDef);
  }
  MANY_SEP(options) {
    this.manySepFirstInternal(0, options);
  }
  MANY_SEP1(options) {
    this.manySepFirstInternal(1, options);
  }
  MANY_SEP2(options) {
    this.manySepFirstInternal(2, options);
  }
  MANY_SEP3(options) {
    this.manySepFirstInternal(3, options);
  }
  MANY_SEP4(options) {
    this.manySepFirstInternal(4, options);
  }
  MANY_SEP5(options) {
    this.manySepFirstInternal(5, options);
  }
  MANY_SEP6(options) {
    this.manySepFirstInternal(6, options);
  }
  MANY_SEP7(options) {
    this.manySepFirstInternal(7, options);
  }
  MANY_SEP8(options) {
    this.manySepFirstInternal(8, options);
  }
  MANY_SEP9(options) {
    this.manySepFirstInternal(9, options);
  }
  AT_LEAST_ONE(actionORMethodDef) {
    this.atLeastOneInternal(0, actionORMethodDef);
  }
  AT_LEAST_ONE1(actionORMethodDef) {
    return this.atLeastOneInternal(1, actionORMethodDef);
  }
  AT_LEAST_ONE2(actionORMethodDef) {
    this.atLeastOneInternal(2, actionORMethodDef);
  }
  AT_LEAST_ONE3(actionORMethodDef) {
    this.atLeastOneInternal(3, actionORMethodDef);
  }
  AT_LEAST_ONE4(actionORMethodDef) {
    this.atLeastOneInternal(4, actionORMethodDef);
  }
  AT_LEAST_ONE5(actionORMethodDef) {
    this.atLeastOneInternal(5, actionORMethodDef);
  }
  AT_LEAST_ONE6(actionORMethodDef) {
    this.atLeastOneInternal(6, actionORMethodDef);
  }
  AT_LEAST_ONE7(actionORMethodDef) {
    this.atLeastOneInternal(7, actionORMethodDef);
  }
  AT_LEAST_ONE8(actionORMethodDef) {
    this.atLeastOneInternal(8, actionORMethodDef);
  }
  AT_LEAST_ONE9(actionORMethodDef) {
    this.atLeastOneInternal(9, actionORMethodDef);
  }
  AT_LEAST_ONE_SEP(options) {
    this.atLeastOneSepFirstInternal(0, options);
  }
  AT_LEAST_ONE_SEP1(options) {
    this.atLeastOneSepFirstInternal(1, options);
  }
  AT_LEAST_ONE_SEP2(options) {
    this.atLeastOneSepFirstInternal(2, options);
  }
  AT_LEAST_ONE_SEP3(options) {
    this.atLeastOneSepFirstInternal(3, options);
  }
  AT_LEAST_ONE_SEP4(options) {
    this.atLeastOneSepFirstInternal(4, options);
  }
  AT_LEAST_ONE_SEP5(options) {
    this.atLeastOneSepFirstInternal(5, options);
  }
  AT_LEAST_ONE_SEP6(options) {
    this.atLeastOneSepFirstInternal(6, options);
  }
  AT_LEAST_ONE_SEP7(options) {
    this.atLeastOneSepFirstInternal(7, options);
  }
  AT_LEAST_ONE_SEP8(options) {
    this.atLeastOneSepFirstInternal(8, options);
  }
  AT_LEAST_ONE_SEP9(options) {
    this.atLeastOneSepFirstInternal(9, options);
  }
  RULE(name, implementation, config = DEFAULT_RULE_CONFIG) {
    if (includes_default(this.definedRulesNames, name)) {
      const errMsg = defaultGrammarValidatorErrorProvider.buildDuplicateRuleNameError({
        topLevelRule: name,
        grammarName: this.className
      });
      const error = {
        message: errMsg,
        type: ParserDefinitionErrorType.DUPLICATE_RULE_NAME,
        ruleName: name
      };
      this.definitionErrors.push(error);
    }
    this.definedRulesNames.push(name);
    const ruleImplementation = this.defineRule(name, implementation, config);
    this[name] = ruleImplementation;
    return ruleImplementation;
  }
  OVERRIDE_RULE(name, impl, config = DEFAULT_RULE_CONFIG) {
    const ruleErrors = validateRuleIsOverridden(name, this.definedRulesNames, this.className);
    this.definitionErrors = this.definitionErrors.concat(ruleErrors);
    const ruleImplementation = this.defineRule(name, impl, config);
    this[name] = ruleImplementation;
    return ruleImplementation;
  }
  BACKTRACK(grammarRule, args) {
    var _a;
    const ruleToCall = (_a = grammarRule.coreRule) !== null && _a !== void 0 ? _a : grammarRule;
    return function() {
      this.isBackTrackingStack.push(1);
      const orgState = this.saveRecogState();
      try {
        ruleToCall.apply(this, args);
        return true;
      } catch (e) {
        if (isRecognitionException(e)) {
          return false;
        } else {
          throw e;
        }
      } finally {
        this.reloadRecogState(orgState);
        this.isBackTrackingStack.pop();
      }
    };
  }
  // GAST export APIs
  getGAstProductions() {
    return this.gastProductionsCache;
  }
  getSerializedGastProductions() {
    return serializeGrammar(values_default(this.gastProductionsCache));
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/recognizer_engine.js
var RecognizerEngine = class {
  initRecognizerEngine(tokenVocabulary, config) {
    this.className = this.constructor.name;
    this.shortRuleNameToFull = {};
    this.fullRuleNameToShort = {};
    this.ruleShortNameIdx = 256;
    this.tokenMatcher = tokenStructuredMatcherNoCategories;
    this.subruleIdx = 0;
    this.currRuleShortName = 0;
    this.definedRulesNames = [];
    this.tokensMap = {};
    this.isBackTrackingStack = [];
    this.RULE_STACK = [];
    this.RULE_STACK_IDX = -1;
    this.RULE_OCCURRENCE_STACK = [];
    this.RULE_OCCURRENCE_STACK_IDX = -1;
    this.gastProductionsCache = {};
    if (has_default(config, "serializedGrammar")) {
      throw Error("The Parser's configuration can no longer contain a <serializedGrammar> property.\n	See: https://chevrotain.io/docs/changes/BREAKING_CHANGES.html#_6-0-0\n	For Further details.");
    }
    if (isArray_default(tokenVocabulary)) {
      if (isEmpty_default(tokenVocabulary)) {
        throw Error("A Token Vocabulary cannot be empty.\n	Note that the first argument for the parser constructor\n	is no longer a Token vector (since v4.0).");
      }
      if (typeof tokenVocabulary[0].startOffset === "number") {
        throw Error("The Parser constructor no longer accepts a token vector as the first argument.\n	See: https://chevrotain.io/docs/changes/BREAKING_CHANGES.html#_4-0-0\n	For Further details.");
      }
    }
    if (isArray_default(tokenVocabulary)) {
      this.tokensMap = reduce_default(tokenVocabulary, (acc, tokType) => {
        acc[tokType.name] = tokType;
        return acc;
      }, {});
    } else if (has_default(tokenVocabulary, "modes") && every_default(flatten_default(values_default(tokenVocabulary.modes)), isTokenType)) {
      const allTokenTypes3 = flatten_default(values_default(tokenVocabulary.modes));
      const uniqueTokens = uniq_default(allTokenTypes3);
      this.tokensMap = reduce_default(uniqueTokens, (acc, tokType) => {
        acc[tokType.name] = tokType;
        return acc;
      }, {});
    } else if (isObject_default(tokenVocabulary)) {
      this.tokensMap = clone_default(tokenVocabulary);
    } else {
      throw new Error("<tokensDictionary> argument must be An Array of Token constructors, A dictionary of Token constructors or an IMultiModeLexerDefinition");
    }
    this.tokensMap["EOF"] = EOF;
    const allTokenTypes2 = has_default(tokenVocabulary, "modes") ? flatten_default(values_default(tokenVocabulary.modes)) : values_default(tokenVocabulary);
    const noTokenCategoriesUsed = every_default(allTokenTypes2, (tokenConstructor) => isEmpty_default(tokenConstructor.categoryMatches));
    this.tokenMatcher = noTokenCategoriesUsed ? tokenStructuredMatcherNoCategories : tokenStructuredMatcher;
    augmentTokenTypes(values_default(this.tokensMap));
  }
  defineRule(ruleName, impl, config) {
    if (this.selfAnalysisDone) {
      throw Error(`Grammar rule <${ruleName}> may not be defined after the 'performSelfAnalysis' method has been called'
Make sure that all grammar rule definitions are done before 'performSelfAnalysis' is called.`);
    }
    const resyncEnabled = has_default(config, "resyncEnabled") ? config.resyncEnabled : DEFAULT_RULE_CONFIG.resyncEnabled;
    const recoveryValueFunc = has_default(config, "recoveryValueFunc") ? config.recoveryValueFunc : DEFAULT_RULE_CONFIG.recoveryValueFunc;
    const shortName = this.ruleShortNameIdx << BITS_FOR_METHOD_TYPE + BITS_FOR_OCCURRENCE_IDX;
    this.ruleShortNameIdx++;
    this.shortRuleNameToFull[shortName] = ruleName;
    this.fullRuleNameToShort[ruleName] = shortName;
    let coreRuleFunction;
    if (this.outputCst === true) {
      coreRuleFunction = function invokeRuleWithTry(...args) {
        try {
          this.ruleInvocationStateUpdate(shortName, ruleName, this.subruleIdx);
          impl.apply(this, args);
          const cst = this.CST_STACK[this.CST_STACK.length - 1];
          this.cstPostRule(cst);
          return cst;
        } catch (e) {
          return this.invokeRuleCatch(e, resyncEnabled, recoveryValueFunc);
        } finally {
          this.ruleFinallyStateUpdate();
        }
      };
    } else {
      coreRuleFunction = function invokeRuleWithTryCst(...args) {
        try {
          this.ruleInvocationStateUpdate(shortName, ruleName, this.subruleIdx);
          return impl.apply(this, args);
        } catch (e) {
          return this.invokeRuleCatch(e, resyncEnabled, recoveryValueFunc);
        } finally {
          this.ruleFinallyStateUpdate();
        }
      };
    }
    const rootRuleFunction = function rootRule(...args) {
      this.onBeforeParse(ruleName);
      try {
        return coreRuleFunction.apply(this, args);
      } finally {
        this.onAfterParse(ruleName);
      }
    };
    const wrappedGrammarRule = Object.assign(rootRuleFunction, { ruleName, originalGrammarAction: impl, coreRule: coreRuleFunction });
    return wrappedGrammarRule;
  }
  invokeRuleCatch(e, resyncEnabledConfig, recoveryValueFunc) {
    const isFirstInvokedRule = this.RULE_STACK_IDX === 0;
    const reSyncEnabled = resyncEnabledConfig && !this.isBackTracking() && this.recoveryEnabled;
    if (isRecognitionException(e)) {
      const recogError = e;
      if (reSyncEnabled) {
        const reSyncTokType = this.findReSyncTokenType();
        if (this.isInCurrentRuleReSyncSet(reSyncTokType)) {
          recogError.resyncedTokens = this.reSyncTo(reSyncTokType);
          if (this.outputCst) {
            const partialCstResult = this.CST_STACK[this.CST_STACK.length - 1];
            partialCstResult.recoveredNode = true;
            return partialCstResult;
          } else {
            return recoveryValueFunc(e);
          }
        } else {
          if (this.outputCst) {
            const partialCstResult = this.CST_STACK[this.CST_STACK.length - 1];
            partialCstResult.recoveredNode = true;
            recogError.partialCstResult = partialCstResult;
          }
          throw recogError;
        }
      } else if (isFirstInvokedRule) {
        this.moveToTerminatedState();
        return recoveryValueFunc(e);
      } else {
        throw recogError;
      }
    } else {
      throw e;
    }
  }
  // Implementation of parsing DSL
  optionInternal(actionORMethodDef, occurrence) {
    const key = this.getKeyForAutomaticLookahead(OPTION_IDX, occurrence);
    return this.optionInternalLogic(actionORMethodDef, occurrence, key);
  }
  optionInternalLogic(actionORMethodDef, occurrence, key) {
    let lookAheadFunc = this.getLaFuncFromCache(key);
    let action;
    if (typeof actionORMethodDef !== "function") {
      action = actionORMethodDef.DEF;
      const predicate = actionORMethodDef.GATE;
      if (predicate !== void 0) {
        const orgLookaheadFunction = lookAheadFunc;
        lookAheadFunc = () => {
          return predicate.call(this) && orgLookaheadFunction.call(this);
        };
      }
    } else {
      action = actionORMethodDef;
    }
    if (lookAheadFunc.call(this) === true) {
      return action.call(this);
    }
    return void 0;
  }
  atLeastOneInternal(prodOccurrence, actionORMethodDef) {
    const laKey = this.getKeyForAutomaticLookahead(AT_LEAST_ONE_IDX, prodOccurrence);
    return this.atLeastOneInternalLogic(prodOccurrence, actionORMethodDef, laKey);
  }
  atLeastOneInternalLogic(prodOccurrence, actionORMethodDef, key) {
    let lookAheadFunc = this.getLaFuncFromCache(key);
    let action;
    if (typeof actionORMethodDef !== "function") {
      action = actionORMethodDef.DEF;
      const predicate = actionORMethodDef.GATE;
      if (predicate !== void 0) {
        const orgLookaheadFunction = lookAheadFunc;
        lookAheadFunc = () => {
          return predicate.call(this) && orgLookaheadFunction.call(this);
        };
      }
    } else {
      action = actionORMethodDef;
    }
    if (lookAheadFunc.call(this) === true) {
      let notStuck = this.doSingleRepetition(action);
      while (lookAheadFunc.call(this) === true && notStuck === true) {
        notStuck = this.doSingleRepetition(action);
      }
    } else {
      throw this.raiseEarlyExitException(prodOccurrence, PROD_TYPE.REPETITION_MANDATORY, actionORMethodDef.ERR_MSG);
    }
    this.attemptInRepetitionRecovery(this.atLeastOneInternal, [prodOccurrence, actionORMethodDef], lookAheadFunc, AT_LEAST_ONE_IDX, prodOccurrence, NextTerminalAfterAtLeastOneWalker);
  }
  atLeastOneSepFirstInternal(prodOccurrence, options) {
    const laKey = this.getKeyForAutomaticLookahead(AT_LEAST_ONE_SEP_IDX, prodOccurrence);
    this.atLeastOneSepFirstInternalLogic(prodOccurrence, options, laKey);
  }
  atLeastOneSepFirstInternalLogic(prodOccurrence, options, key) {
    const action = options.DEF;
    const separator = options.SEP;
    const firstIterationLookaheadFunc = this.getLaFuncFromCache(key);
    if (firstIterationLookaheadFunc.call(this) === true) {
      action.call(this);
      const separatorLookAheadFunc = () => {
        return this.tokenMatcher(this.LA_FAST(1), separator);
      };
      while (this.tokenMatcher(this.LA_FAST(1), separator) === true) {
        this.CONSUME(separator);
        action.call(this);
      }
      this.attemptInRepetitionRecovery(this.repetitionSepSecondInternal, [
        prodOccurrence,
        separator,
        separatorLookAheadFunc,
        action,
        NextTerminalAfterAtLeastOneSepWalker
      ], separatorLookAheadFunc, AT_LEAST_ONE_SEP_IDX, prodOccurrence, NextTerminalAfterAtLeastOneSepWalker);
    } else {
      throw this.raiseEarlyExitException(prodOccurrence, PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR, options.ERR_MSG);
    }
  }
  manyInternal(prodOccurrence, actionORMethodDef) {
    const laKey = this.getKeyForAutomaticLookahead(MANY_IDX, prodOccurrence);
    return this.manyInternalLogic(prodOccurrence, actionORMethodDef, laKey);
  }
  manyInternalLogic(prodOccurrence, actionORMethodDef, key) {
    let lookaheadFunction = this.getLaFuncFromCache(key);
    let action;
    if (typeof actionORMethodDef !== "function") {
      action = actionORMethodDef.DEF;
      const predicate = actionORMethodDef.GATE;
      if (predicate !== void 0) {
        const orgLookaheadFunction = lookaheadFunction;
        lookaheadFunction = () => {
          return predicate.call(this) && orgLookaheadFunction.call(this);
        };
      }
    } else {
      action = actionORMethodDef;
    }
    let notStuck = true;
    while (lookaheadFunction.call(this) === true && notStuck === true) {
      notStuck = this.doSingleRepetition(action);
    }
    this.attemptInRepetitionRecovery(
      this.manyInternal,
      [prodOccurrence, actionORMethodDef],
      lookaheadFunction,
      MANY_IDX,
      prodOccurrence,
      NextTerminalAfterManyWalker,
      // The notStuck parameter is only relevant when "attemptInRepetitionRecovery"
      // is invoked from manyInternal, in the MANY_SEP case and AT_LEAST_ONE[_SEP]
      // An infinite loop cannot occur as:
      // - Either the lookahead is guaranteed to consume something (Single Token Separator)
      // - AT_LEAST_ONE by definition is guaranteed to consume something (or error out).
      notStuck
    );
  }
  manySepFirstInternal(prodOccurrence, options) {
    const laKey = this.getKeyForAutomaticLookahead(MANY_SEP_IDX, prodOccurrence);
    this.manySepFirstInternalLogic(prodOccurrence, options, laKey);
  }
  manySepFirstInternalLogic(prodOccurrence, options, key) {
    const action = options.DEF;
    const separator = options.SEP;
    const firstIterationLaFunc = this.getLaFuncFromCache(key);
    if (firstIterationLaFunc.call(this) === true) {
      action.call(this);
      const separatorLookAheadFunc = () => {
        return this.tokenMatcher(this.LA_FAST(1), separator);
      };
      while (this.tokenMatcher(this.LA_FAST(1), separator) === true) {
        this.CONSUME(separator);
        action.call(this);
      }
      this.attemptInRepetitionRecovery(this.repetitionSepSecondInternal, [
        prodOccurrence,
        separator,
        separatorLookAheadFunc,
        action,
        NextTerminalAfterManySepWalker
      ], separatorLookAheadFunc, MANY_SEP_IDX, prodOccurrence, NextTerminalAfterManySepWalker);
    }
  }
  repetitionSepSecondInternal(prodOccurrence, separator, separatorLookAheadFunc, action, nextTerminalAfterWalker) {
    while (separatorLookAheadFunc()) {
      this.CONSUME(separator);
      action.call(this);
    }
    this.attemptInRepetitionRecovery(this.repetitionSepSecondInternal, [
      prodOccurrence,
      separator,
      separatorLookAheadFunc,
      action,
      nextTerminalAfterWalker
    ], separatorLookAheadFunc, AT_LEAST_ONE_SEP_IDX, prodOccurrence, nextTerminalAfterWalker);
  }
  doSingleRepetition(action) {
    const beforeIteration = this.getLexerPosition();
    action.call(this);
    const afterIteration = this.getLexerPosition();
    return afterIteration > beforeIteration;
  }
  orInternal(altsOrOpts, occurrence) {
    const laKey = this.getKeyForAutomaticLookahead(OR_IDX, occurrence);
    const alts = isArray_default(altsOrOpts) ? altsOrOpts : altsOrOpts.DEF;
    const laFunc = this.getLaFuncFromCache(laKey);
    const altIdxToTake = laFunc.call(this, alts);
    if (altIdxToTake !== void 0) {
      const chosenAlternative = alts[altIdxToTake];
      return chosenAlternative.ALT.call(this);
    }
    this.raiseNoAltException(occurrence, altsOrOpts.ERR_MSG);
  }
  ruleFinallyStateUpdate() {
    this.RULE_STACK_IDX--;
    this.RULE_OCCURRENCE_STACK_IDX--;
    if (this.RULE_STACK_IDX >= 0) {
      this.currRuleShortName = this.RULE_STACK[this.RULE_STACK_IDX];
    }
    this.cstFinallyStateUpdate();
  }
  subruleInternal(ruleToCall, idx, options) {
    let ruleResult;
    try {
      const args = options !== void 0 ? options.ARGS : void 0;
      this.subruleIdx = idx;
      ruleResult = ruleToCall.coreRule.apply(this, args);
      this.cstPostNonTerminal(ruleResult, options !== void 0 && options.LABEL !== void 0 ? options.LABEL : ruleToCall.ruleName);
      return ruleResult;
    } catch (e) {
      throw this.subruleInternalError(e, options, ruleToCall.ruleName);
    }
  }
  subruleInternalError(e, options, ruleName) {
    if (isRecognitionException(e) && e.partialCstResult !== void 0) {
      this.cstPostNonTerminal(e.partialCstResult, options !== void 0 && options.LABEL !== void 0 ? options.LABEL : ruleName);
      delete e.partialCstResult;
    }
    throw e;
  }
  consumeInternal(tokType, idx, options) {
    let consumedToken;
    try {
      const nextToken = this.LA_FAST(1);
      if (this.tokenMatcher(nextToken, tokType) === true) {
        this.consumeToken();
        consumedToken = nextToken;
      } else {
        this.consumeInternalError(tokType, nextToken, options);
      }
    } catch (eFromConsumption) {
      consumedToken = this.consumeInternalRecovery(tokType, idx, eFromConsumption);
    }
    this.cstPostTerminal(options !== void 0 && options.LABEL !== void 0 ? options.LABEL : tokType.name, consumedToken);
    return consumedToken;
  }
  consumeInternalError(tokType, nextToken, options) {
    let msg;
    const previousToken = this.LA(0);
    if (options !== void 0 && options.ERR_MSG) {
      msg = options.ERR_MSG;
    } else {
      msg = this.errorMessageProvider.buildMismatchTokenMessage({
        expected: tokType,
        actual: nextToken,
        previous: previousToken,
        ruleName: this.getCurrRuleFullName()
      });
    }
    throw this.SAVE_ERROR(new MismatchedTokenException(msg, nextToken, previousToken));
  }
  consumeInternalRecovery(tokType, idx, eFromConsumption) {
    if (this.recoveryEnabled && // TODO: more robust checking of the exception type. Perhaps Typescript extending expressions?
    eFromConsumption.name === "MismatchedTokenException" && !this.isBackTracking()) {
      const follows = this.getFollowsForInRuleRecovery(tokType, idx);
      try {
        return this.tryInRuleRecovery(tokType, follows);
      } catch (eFromInRuleRecovery) {
        if (eFromInRuleRecovery.name === IN_RULE_RECOVERY_EXCEPTION) {
          throw eFromConsumption;
        } else {
          throw eFromInRuleRecovery;
        }
      }
    } else {
      throw eFromConsumption;
    }
  }
  saveRecogState() {
    const savedErrors = this.errors;
    const savedRuleStack = this.RULE_STACK.slice(0, this.RULE_STACK_IDX + 1);
    return {
      errors: savedErrors,
      lexerState: this.exportLexerState(),
      RULE_STACK: savedRuleStack,
      CST_STACK: this.CST_STACK
    };
  }
  reloadRecogState(newState) {
    this.errors = newState.errors;
    this.importLexerState(newState.lexerState);
    const saved = newState.RULE_STACK;
    for (let i = 0; i < saved.length; i++) {
      this.RULE_STACK[i] = saved[i];
    }
    this.RULE_STACK_IDX = saved.length - 1;
    if (this.RULE_STACK_IDX >= 0) {
      this.currRuleShortName = this.RULE_STACK[this.RULE_STACK_IDX];
    }
  }
  ruleInvocationStateUpdate(shortName, fullName, idxInCallingRule) {
    this.RULE_OCCURRENCE_STACK[++this.RULE_OCCURRENCE_STACK_IDX] = idxInCallingRule;
    this.RULE_STACK[++this.RULE_STACK_IDX] = shortName;
    this.currRuleShortName = shortName;
    this.cstInvocationStateUpdate(fullName);
  }
  isBackTracking() {
    return this.isBackTrackingStack.length !== 0;
  }
  getCurrRuleFullName() {
    const shortName = this.currRuleShortName;
    return this.shortRuleNameToFull[shortName];
  }
  shortRuleNameToFullName(shortName) {
    return this.shortRuleNameToFull[shortName];
  }
  isAtEndOfInput() {
    return this.tokenMatcher(this.LA(1), EOF);
  }
  reset() {
    this.resetLexerState();
    this.subruleIdx = 0;
    this.currRuleShortName = 0;
    this.isBackTrackingStack = [];
    this.errors = [];
    this.RULE_STACK_IDX = -1;
    this.RULE_OCCURRENCE_STACK_IDX = -1;
    this.CST_STACK = [];
  }
  /**
   * Hook called before the root-level parsing rule is invoked.
   * This is only called when a rule is invoked directly by the consumer
   * (e.g., `parser.json()`), not when invoked as a sub-rule via SUBRULE.
   *
   * Override this method to perform actions before parsing begins.
   * The default implementation is a no-op.
   *
   * @param ruleName - The name of the root rule being invoked.
   */
  onBeforeParse(ruleName) {
    for (let i = 0; i < this.maxLookahead + 1; i++) {
      this.tokVector.push(END_OF_FILE);
    }
  }
  /**
   * Hook called after the root-level parsing rule has completed (or thrown).
   * This is only called when a rule is invoked directly by the consumer
   * (e.g., `parser.json()`), not when invoked as a sub-rule via SUBRULE.
   *
   * This hook is called in a `finally` block, so it executes regardless of
   * whether parsing succeeded or threw an error.
   *
   * Override this method to perform actions after parsing completes.
   * The default implementation is a no-op.
   *
   * @param ruleName - The name of the root rule that was invoked.
   */
  onAfterParse(ruleName) {
    if (this.isAtEndOfInput() === false) {
      const firstRedundantTok = this.LA(1);
      const errMsg = this.errorMessageProvider.buildNotAllInputParsedMessage({
        firstRedundant: firstRedundantTok,
        ruleName: this.getCurrRuleFullName()
      });
      this.SAVE_ERROR(new NotAllInputParsedException(errMsg, firstRedundantTok));
    }
    while (this.tokVector.at(-1) === END_OF_FILE) {
      this.tokVector.pop();
    }
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/error_handler.js
var ErrorHandler = class {
  initErrorHandler(config) {
    this._errors = [];
    this.errorMessageProvider = has_default(config, "errorMessageProvider") ? config.errorMessageProvider : DEFAULT_PARSER_CONFIG.errorMessageProvider;
  }
  SAVE_ERROR(error) {
    if (isRecognitionException(error)) {
      error.context = {
        ruleStack: this.getHumanReadableRuleStack(),
        ruleOccurrenceStack: this.RULE_OCCURRENCE_STACK.slice(0, this.RULE_OCCURRENCE_STACK_IDX + 1)
      };
      this._errors.push(error);
      return error;
    } else {
      throw Error("Trying to save an Error which is not a RecognitionException");
    }
  }
  get errors() {
    return clone_default(this._errors);
  }
  set errors(newErrors) {
    this._errors = newErrors;
  }
  // TODO: consider caching the error message computed information
  raiseEarlyExitException(occurrence, prodType, userDefinedErrMsg) {
    const ruleName = this.getCurrRuleFullName();
    const ruleGrammar = this.getGAstProductions()[ruleName];
    const lookAheadPathsPerAlternative = getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, this.maxLookahead);
    const insideProdPaths = lookAheadPathsPerAlternative[0];
    const actualTokens = [];
    for (let i = 1; i <= this.maxLookahead; i++) {
      actualTokens.push(this.LA(i));
    }
    const msg = this.errorMessageProvider.buildEarlyExitMessage({
      expectedIterationPaths: insideProdPaths,
      actual: actualTokens,
      previous: this.LA(0),
      customUserDescription: userDefinedErrMsg,
      ruleName
    });
    throw this.SAVE_ERROR(new EarlyExitException(msg, this.LA(1), this.LA(0)));
  }
  // TODO: consider caching the error message computed information
  raiseNoAltException(occurrence, errMsgTypes) {
    const ruleName = this.getCurrRuleFullName();
    const ruleGrammar = this.getGAstProductions()[ruleName];
    const lookAheadPathsPerAlternative = getLookaheadPathsForOr(occurrence, ruleGrammar, this.maxLookahead);
    const actualTokens = [];
    for (let i = 1; i <= this.maxLookahead; i++) {
      actualTokens.push(this.LA(i));
    }
    const previousToken = this.LA(0);
    const errMsg = this.errorMessageProvider.buildNoViableAltMessage({
      expectedPathsPerAlt: lookAheadPathsPerAlternative,
      actual: actualTokens,
      previous: previousToken,
      customUserDescription: errMsgTypes,
      ruleName: this.getCurrRuleFullName()
    });
    throw this.SAVE_ERROR(new NoViableAltException(errMsg, this.LA(1), previousToken));
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/context_assist.js
var ContentAssist = class {
  initContentAssist() {
  }
  computeContentAssist(startRuleName, precedingInput) {
    const startRuleGast = this.gastProductionsCache[startRuleName];
    if (isUndefined_default(startRuleGast)) {
      throw Error(`Rule ->${startRuleName}<- does not exist in this grammar.`);
    }
    return nextPossibleTokensAfter([startRuleGast], precedingInput, this.tokenMatcher, this.maxLookahead);
  }
  // TODO: should this be a member method or a utility? it does not have any state or usage of 'this'...
  // TODO: should this be more explicitly part of the public API?
  getNextPossibleTokenTypes(grammarPath) {
    const topRuleName = head_default(grammarPath.ruleStack);
    const gastProductions = this.getGAstProductions();
    const topProduction = gastProductions[topRuleName];
    const nextPossibleTokenTypes = new NextAfterTokenWalker(topProduction, grammarPath).startWalking();
    return nextPossibleTokenTypes;
  }
};

// node_modules/chevrotain/lib/src/parse/parser/traits/gast_recorder.js
var RECORDING_NULL_OBJECT = {
  description: "This Object indicates the Parser is during Recording Phase"
};
Object.freeze(RECORDING_NULL_OBJECT);
var HANDLE_SEPARATOR = true;
var MAX_METHOD_IDX = Math.pow(2, BITS_FOR_OCCURRENCE_IDX) - 1;
var RFT = createToken({ name: "RECORDING_PHASE_TOKEN", pattern: Lexer.NA });
augmentTokenTypes([RFT]);
var RECORDING_PHASE_TOKEN = createTokenInstance(
  RFT,
  "This IToken indicates the Parser is in Recording Phase\n	See: https://chevrotain.io/docs/guide/internals.html#grammar-recording for details",
  // Using "-1" instead of NaN (as in EOF) because an actual number is less likely to
  // cause errors if the output of LA or CONSUME would be (incorrectly) used during the recording phase.
  -1,
  -1,
  -1,
  -1,
  -1,
  -1
);
Object.freeze(RECORDING_PHASE_TOKEN);
var RECORDING_PHASE_CSTNODE = {
  name: "This CSTNode indicates the Parser is in Recording Phase\n	See: https://chevrotain.io/docs/guide/internals.html#grammar-recording for details",
  children: {}
};
var GastRecorder = class {
  initGastRecorder(config) {
    this.recordingProdStack = [];
    this.RECORDING_PHASE = false;
  }
  enableRecording() {
    this.RECORDING_PHASE = true;
    this.TRACE_INIT("Enable Recording", () => {
      for (let i = 0; i < 10; i++) {
        const idx = i > 0 ? i : "";
        this[`CONSUME${idx}`] = function(arg1, arg2) {
          return this.consumeInternalRecord(arg1, i, arg2);
        };
        this[`SUBRULE${idx}`] = function(arg1, arg2) {
          return this.subruleInternalRecord(arg1, i, arg2);
        };
        this[`OPTION${idx}`] = function(arg1) {
          return this.optionInternalRecord(arg1, i);
        };
        this[`OR${idx}`] = function(arg1) {
          return this.orInternalRecord(arg1, i);
        };
        this[`MANY${idx}`] = function(arg1) {
          this.manyInternalRecord(i, arg1);
        };
        this[`MANY_SEP${idx}`] = function(arg1) {
          this.manySepFirstInternalRecord(i, arg1);
        };
        this[`AT_LEAST_ONE${idx}`] = function(arg1) {
          this.atLeastOneInternalRecord(i, arg1);
        };
        this[`AT_LEAST_ONE_SEP${idx}`] = function(arg1) {
          this.atLeastOneSepFirstInternalRecord(i, arg1);
        };
      }
      this[`consume`] = function(idx, arg1, arg2) {
        return this.consumeInternalRecord(arg1, idx, arg2);
      };
      this[`subrule`] = function(idx, arg1, arg2) {
        return this.subruleInternalRecord(arg1, idx, arg2);
      };
      this[`option`] = function(idx, arg1) {
        return this.optionInternalRecord(arg1, idx);
      };
      this[`or`] = function(idx, arg1) {
        return this.orInternalRecord(arg1, idx);
      };
      this[`many`] = function(idx, arg1) {
        this.manyInternalRecord(idx, arg1);
      };
      this[`atLeastOne`] = function(idx, arg1) {
        this.atLeastOneInternalRecord(idx, arg1);
      };
      this.ACTION = this.ACTION_RECORD;
      this.BACKTRACK = this.BACKTRACK_RECORD;
      this.LA = this.LA_RECORD;
    });
  }
  disableRecording() {
    this.RECORDING_PHASE = false;
    this.TRACE_INIT("Deleting Recording methods", () => {
      const that = this;
      for (let i = 0; i < 10; i++) {
        const idx = i > 0 ? i : "";
        delete that[`CONSUME${idx}`];
        delete that[`SUBRULE${idx}`];
        delete that[`OPTION${idx}`];
        delete that[`OR${idx}`];
        delete that[`MANY${idx}`];
        delete that[`MANY_SEP${idx}`];
        delete that[`AT_LEAST_ONE${idx}`];
        delete that[`AT_LEAST_ONE_SEP${idx}`];
      }
      delete that[`consume`];
      delete that[`subrule`];
      delete that[`option`];
      delete that[`or`];
      delete that[`many`];
      delete that[`atLeastOne`];
      delete that.ACTION;
      delete that.BACKTRACK;
      delete that.LA;
    });
  }
  //   Parser methods are called inside an ACTION?
  //   Maybe try/catch/finally on ACTIONS while disabling the recorders state changes?
  // @ts-expect-error -- noop place holder
  ACTION_RECORD(impl) {
  }
  // Executing backtracking logic will break our recording logic assumptions
  BACKTRACK_RECORD(grammarRule, args) {
    return () => true;
  }
  // LA is part of the official API and may be used for custom lookahead logic
  // by end users who may forget to wrap it in ACTION or inside a GATE
  LA_RECORD(howMuch) {
    return END_OF_FILE;
  }
  topLevelRuleRecord(name, def) {
    try {
      const newTopLevelRule = new Rule({ definition: [], name });
      newTopLevelRule.name = name;
      this.recordingProdStack.push(newTopLevelRule);
      def.call(this);
      this.recordingProdStack.pop();
      return newTopLevelRule;
    } catch (originalError) {
      if (originalError.KNOWN_RECORDER_ERROR !== true) {
        try {
          originalError.message = originalError.message + '\n	 This error was thrown during the "grammar recording phase" For more info see:\n	https://chevrotain.io/docs/guide/internals.html#grammar-recording';
        } catch (mutabilityError) {
          throw originalError;
        }
      }
      throw originalError;
    }
  }
  // Implementation of parsing DSL
  optionInternalRecord(actionORMethodDef, occurrence) {
    return recordProd.call(this, Option, actionORMethodDef, occurrence);
  }
  atLeastOneInternalRecord(occurrence, actionORMethodDef) {
    recordProd.call(this, RepetitionMandatory, actionORMethodDef, occurrence);
  }
  atLeastOneSepFirstInternalRecord(occurrence, options) {
    recordProd.call(this, RepetitionMandatoryWithSeparator, options, occurrence, HANDLE_SEPARATOR);
  }
  manyInternalRecord(occurrence, actionORMethodDef) {
    recordProd.call(this, Repetition, actionORMethodDef, occurrence);
  }
  manySepFirstInternalRecord(occurrence, options) {
    recordProd.call(this, RepetitionWithSeparator, options, occurrence, HANDLE_SEPARATOR);
  }
  orInternalRecord(altsOrOpts, occurrence) {
    return recordOrProd.call(this, altsOrOpts, occurrence);
  }
  subruleInternalRecord(ruleToCall, occurrence, options) {
    assertMethodIdxIsValid(occurrence);
    if (!ruleToCall || has_default(ruleToCall, "ruleName") === false) {
      const error = new Error(`<SUBRULE${getIdxSuffix(occurrence)}> argument is invalid expecting a Parser method reference but got: <${JSON.stringify(ruleToCall)}>
 inside top level rule: <${this.recordingProdStack[0].name}>`);
      error.KNOWN_RECORDER_ERROR = true;
      throw error;
    }
    const prevProd = last_default(this.recordingProdStack);
    const ruleName = ruleToCall.ruleName;
    const newNoneTerminal = new NonTerminal({
      idx: occurrence,
      nonTerminalName: ruleName,
      label: options === null || options === void 0 ? void 0 : options.LABEL,
      // The resolving of the `referencedRule` property will be done once all the Rule's GASTs have been created
      referencedRule: void 0
    });
    prevProd.definition.push(newNoneTerminal);
    return this.outputCst ? RECORDING_PHASE_CSTNODE : RECORDING_NULL_OBJECT;
  }
  consumeInternalRecord(tokType, occurrence, options) {
    assertMethodIdxIsValid(occurrence);
    if (!hasShortKeyProperty(tokType)) {
      const error = new Error(`<CONSUME${getIdxSuffix(occurrence)}> argument is invalid expecting a TokenType reference but got: <${JSON.stringify(tokType)}>
 inside top level rule: <${this.recordingProdStack[0].name}>`);
      error.KNOWN_RECORDER_ERROR = true;
      throw error;
    }
    const prevProd = last_default(this.recordingProdStack);
    const newNoneTerminal = new Terminal({
      idx: occurrence,
      terminalType: tokType,
      label: options === null || options === void 0 ? void 0 : options.LABEL
    });
    prevProd.definition.push(newNoneTerminal);
    return RECORDING_PHASE_TOKEN;
  }
};
function recordProd(prodConstructor, mainProdArg, occurrence, handleSep = false) {
  assertMethodIdxIsValid(occurrence);
  const prevProd = last_default(this.recordingProdStack);
  const grammarAction = isFunction_default(mainProdArg) ? mainProdArg : mainProdArg.DEF;
  const newProd = new prodConstructor({ definition: [], idx: occurrence });
  if (handleSep) {
    newProd.separator = mainProdArg.SEP;
  }
  if (has_default(mainProdArg, "MAX_LOOKAHEAD")) {
    newProd.maxLookahead = mainProdArg.MAX_LOOKAHEAD;
  }
  this.recordingProdStack.push(newProd);
  grammarAction.call(this);
  prevProd.definition.push(newProd);
  this.recordingProdStack.pop();
  return RECORDING_NULL_OBJECT;
}
function recordOrProd(mainProdArg, occurrence) {
  assertMethodIdxIsValid(occurrence);
  const prevProd = last_default(this.recordingProdStack);
  const hasOptions = isArray_default(mainProdArg) === false;
  const alts = hasOptions === false ? mainProdArg : mainProdArg.DEF;
  const newOrProd = new Alternation({
    definition: [],
    idx: occurrence,
    ignoreAmbiguities: hasOptions && mainProdArg.IGNORE_AMBIGUITIES === true
  });
  if (has_default(mainProdArg, "MAX_LOOKAHEAD")) {
    newOrProd.maxLookahead = mainProdArg.MAX_LOOKAHEAD;
  }
  const hasPredicates = some_default(alts, (currAlt) => isFunction_default(currAlt.GATE));
  newOrProd.hasPredicates = hasPredicates;
  prevProd.definition.push(newOrProd);
  forEach_default(alts, (currAlt) => {
    const currAltFlat = new Alternative({ definition: [] });
    newOrProd.definition.push(currAltFlat);
    if (has_default(currAlt, "IGNORE_AMBIGUITIES")) {
      currAltFlat.ignoreAmbiguities = currAlt.IGNORE_AMBIGUITIES;
    } else if (has_default(currAlt, "GATE")) {
      currAltFlat.ignoreAmbiguities = true;
    }
    this.recordingProdStack.push(currAltFlat);
    currAlt.ALT.call(this);
    this.recordingProdStack.pop();
  });
  return RECORDING_NULL_OBJECT;
}
function getIdxSuffix(idx) {
  return idx === 0 ? "" : `${idx}`;
}
function assertMethodIdxIsValid(idx) {
  if (idx < 0 || idx > MAX_METHOD_IDX) {
    const error = new Error(
      // The stack trace will contain all the needed details
      `Invalid DSL Method idx value: <${idx}>
	Idx value must be a none negative value smaller than ${MAX_METHOD_IDX + 1}`
    );
    error.KNOWN_RECORDER_ERROR = true;
    throw error;
  }
}

// node_modules/chevrotain/lib/src/parse/parser/traits/perf_tracer.js
var PerformanceTracer = class {
  initPerformanceTracer(config) {
    if (has_default(config, "traceInitPerf")) {
      const userTraceInitPerf = config.traceInitPerf;
      const traceIsNumber = typeof userTraceInitPerf === "number";
      this.traceInitMaxIdent = traceIsNumber ? userTraceInitPerf : Infinity;
      this.traceInitPerf = traceIsNumber ? userTraceInitPerf > 0 : userTraceInitPerf;
    } else {
      this.traceInitMaxIdent = 0;
      this.traceInitPerf = DEFAULT_PARSER_CONFIG.traceInitPerf;
    }
    this.traceInitIndent = -1;
  }
  TRACE_INIT(phaseDesc, phaseImpl) {
    if (this.traceInitPerf === true) {
      this.traceInitIndent++;
      const indent = new Array(this.traceInitIndent + 1).join("	");
      if (this.traceInitIndent < this.traceInitMaxIdent) {
        console.log(`${indent}--> <${phaseDesc}>`);
      }
      const { time, value } = timer(phaseImpl);
      const traceMethod = time > 10 ? console.warn : console.log;
      if (this.traceInitIndent < this.traceInitMaxIdent) {
        traceMethod(`${indent}<-- <${phaseDesc}> time: ${time}ms`);
      }
      this.traceInitIndent--;
      return value;
    } else {
      return phaseImpl();
    }
  }
};

// node_modules/chevrotain/lib/src/parse/parser/utils/apply_mixins.js
function applyMixins(derivedCtor, baseCtors) {
  baseCtors.forEach((baseCtor) => {
    const baseProto = baseCtor.prototype;
    Object.getOwnPropertyNames(baseProto).forEach((propName) => {
      if (propName === "constructor") {
        return;
      }
      const basePropDescriptor = Object.getOwnPropertyDescriptor(baseProto, propName);
      if (basePropDescriptor && (basePropDescriptor.get || basePropDescriptor.set)) {
        Object.defineProperty(derivedCtor.prototype, propName, basePropDescriptor);
      } else {
        derivedCtor.prototype[propName] = baseCtor.prototype[propName];
      }
    });
  });
}

// node_modules/chevrotain/lib/src/parse/parser/parser.js
var END_OF_FILE = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);
Object.freeze(END_OF_FILE);
var DEFAULT_PARSER_CONFIG = Object.freeze({
  recoveryEnabled: false,
  maxLookahead: 3,
  dynamicTokensEnabled: false,
  outputCst: true,
  errorMessageProvider: defaultParserErrorProvider,
  nodeLocationTracking: "none",
  traceInitPerf: false,
  skipValidations: false
});
var DEFAULT_RULE_CONFIG = Object.freeze({
  recoveryValueFunc: () => void 0,
  resyncEnabled: true
});
var ParserDefinitionErrorType;
(function(ParserDefinitionErrorType2) {
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["INVALID_RULE_NAME"] = 0] = "INVALID_RULE_NAME";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["DUPLICATE_RULE_NAME"] = 1] = "DUPLICATE_RULE_NAME";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["INVALID_RULE_OVERRIDE"] = 2] = "INVALID_RULE_OVERRIDE";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["DUPLICATE_PRODUCTIONS"] = 3] = "DUPLICATE_PRODUCTIONS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["UNRESOLVED_SUBRULE_REF"] = 4] = "UNRESOLVED_SUBRULE_REF";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["LEFT_RECURSION"] = 5] = "LEFT_RECURSION";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["NONE_LAST_EMPTY_ALT"] = 6] = "NONE_LAST_EMPTY_ALT";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["AMBIGUOUS_ALTS"] = 7] = "AMBIGUOUS_ALTS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["CONFLICT_TOKENS_RULES_NAMESPACE"] = 8] = "CONFLICT_TOKENS_RULES_NAMESPACE";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["INVALID_TOKEN_NAME"] = 9] = "INVALID_TOKEN_NAME";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["NO_NON_EMPTY_LOOKAHEAD"] = 10] = "NO_NON_EMPTY_LOOKAHEAD";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["AMBIGUOUS_PREFIX_ALTS"] = 11] = "AMBIGUOUS_PREFIX_ALTS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["TOO_MANY_ALTS"] = 12] = "TOO_MANY_ALTS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["CUSTOM_LOOKAHEAD_VALIDATION"] = 13] = "CUSTOM_LOOKAHEAD_VALIDATION";
})(ParserDefinitionErrorType || (ParserDefinitionErrorType = {}));
var Parser = class _Parser {
  /**
   *  @deprecated use the **instance** method with the same name instead
   */
  static performSelfAnalysis(parserInstance) {
    throw Error("The **static** `performSelfAnalysis` method has been deprecated.	\nUse the **instance** method with the same name instead.");
  }
  performSelfAnalysis() {
    this.TRACE_INIT("performSelfAnalysis", () => {
      let defErrorsMsgs;
      this.selfAnalysisDone = true;
      const className = this.className;
      this.TRACE_INIT("toFastProps", () => {
        toFastProperties(this);
      });
      this.TRACE_INIT("Grammar Recording", () => {
        try {
          this.enableRecording();
          forEach_default(this.definedRulesNames, (currRuleName) => {
            const wrappedRule = this[currRuleName];
            const originalGrammarAction = wrappedRule["originalGrammarAction"];
            let recordedRuleGast;
            this.TRACE_INIT(`${currRuleName} Rule`, () => {
              recordedRuleGast = this.topLevelRuleRecord(currRuleName, originalGrammarAction);
            });
            this.gastProductionsCache[currRuleName] = recordedRuleGast;
          });
        } finally {
          this.disableRecording();
        }
      });
      let resolverErrors = [];
      this.TRACE_INIT("Grammar Resolving", () => {
        resolverErrors = resolveGrammar2({
          rules: values_default(this.gastProductionsCache)
        });
        this.definitionErrors = this.definitionErrors.concat(resolverErrors);
      });
      this.TRACE_INIT("Grammar Validations", () => {
        if (isEmpty_default(resolverErrors) && this.skipValidations === false) {
          const validationErrors = validateGrammar2({
            rules: values_default(this.gastProductionsCache),
            tokenTypes: values_default(this.tokensMap),
            errMsgProvider: defaultGrammarValidatorErrorProvider,
            grammarName: className
          });
          const lookaheadValidationErrors = validateLookahead({
            lookaheadStrategy: this.lookaheadStrategy,
            rules: values_default(this.gastProductionsCache),
            tokenTypes: values_default(this.tokensMap),
            grammarName: className
          });
          this.definitionErrors = this.definitionErrors.concat(validationErrors, lookaheadValidationErrors);
        }
      });
      if (isEmpty_default(this.definitionErrors)) {
        if (this.recoveryEnabled) {
          this.TRACE_INIT("computeAllProdsFollows", () => {
            const allFollows = computeAllProdsFollows(values_default(this.gastProductionsCache));
            this.resyncFollows = allFollows;
          });
        }
        this.TRACE_INIT("ComputeLookaheadFunctions", () => {
          var _a, _b;
          (_b = (_a = this.lookaheadStrategy).initialize) === null || _b === void 0 ? void 0 : _b.call(_a, {
            rules: values_default(this.gastProductionsCache)
          });
          this.preComputeLookaheadFunctions(values_default(this.gastProductionsCache));
        });
      }
      if (!_Parser.DEFER_DEFINITION_ERRORS_HANDLING && !isEmpty_default(this.definitionErrors)) {
        defErrorsMsgs = map_default(this.definitionErrors, (defError) => defError.message);
        throw new Error(`Parser Definition Errors detected:
 ${defErrorsMsgs.join("\n-------------------------------\n")}`);
      }
    });
  }
  constructor(tokenVocabulary, config) {
    this.definitionErrors = [];
    this.selfAnalysisDone = false;
    const that = this;
    that.initErrorHandler(config);
    that.initLexerAdapter();
    that.initLooksAhead(config);
    that.initRecognizerEngine(tokenVocabulary, config);
    that.initRecoverable(config);
    that.initTreeBuilder(config);
    that.initContentAssist();
    that.initGastRecorder(config);
    that.initPerformanceTracer(config);
    if (has_default(config, "ignoredIssues")) {
      throw new Error("The <ignoredIssues> IParserConfig property has been deprecated.\n	Please use the <IGNORE_AMBIGUITIES> flag on the relevant DSL method instead.\n	See: https://chevrotain.io/docs/guide/resolving_grammar_errors.html#IGNORING_AMBIGUITIES\n	For further details.");
    }
    this.skipValidations = has_default(config, "skipValidations") ? config.skipValidations : DEFAULT_PARSER_CONFIG.skipValidations;
  }
};
Parser.DEFER_DEFINITION_ERRORS_HANDLING = false;
applyMixins(Parser, [
  Recoverable,
  LooksAhead,
  TreeBuilder,
  LexerAdapter,
  RecognizerEngine,
  RecognizerApi,
  ErrorHandler,
  ContentAssist,
  GastRecorder,
  PerformanceTracer
]);
var CstParser = class extends Parser {
  constructor(tokenVocabulary, config = DEFAULT_PARSER_CONFIG) {
    const configClone = clone_default(config);
    configClone.outputCst = true;
    super(tokenVocabulary, configClone);
  }
};

// grammar/option-arguments.ts
var EXTENSION_OPTIONS = {
  "--accept-local": ["none", "rpfilter"],
  "--add-set": ["required", "SET"],
  "--ahlen": ["required", "ah/6"],
  "--ahres": ["none", "ah/6"],
  "--ahspi": ["required", "ah/4", "ah/6"],
  "--alarm": ["none", "IDLETIMER"],
  "--algo": ["required", "string"],
  "--and-mark": ["required", "CONNMARK", "MARK"],
  "--and-tos": ["required", "TOS"],
  "--bytecode": ["required", "bpf"],
  "--bytes-eq": ["required", "set"],
  "--bytes-gt": ["required", "set"],
  "--bytes-lt": ["required", "set"],
  "--cgroup": ["required", "cgroup"],
  "--checksum-fill": ["none", "CHECKSUM"],
  "--chunk-types": ["required", "sctp"],
  "--clamp-mss-to-pmtu": ["none", "TCPMSS/4", "TCPMSS/6"],
  "--cluster-hash-seed": ["required", "cluster"],
  "--cluster-local-node": ["required", "cluster"],
  "--cluster-local-nodemask": ["required", "cluster"],
  "--cluster-total-nodes": ["required", "cluster"],
  "--clustermac": ["required", "CLUSTERIP/4"],
  "--cmd-owner": ["required", "owner/4"],
  "--comment": ["required", "comment"],
  "--compres": ["none", "ipcomp"],
  "--connbytes": ["required", "connbytes"],
  "--connbytes-dir": ["required", "connbytes"],
  "--connbytes-mode": ["required", "connbytes"],
  "--connlimit-above": ["required", "connlimit/4", "connlimit/6"],
  "--connlimit-daddr": ["none", "connlimit/4", "connlimit/6"],
  "--connlimit-mask": ["required", "connlimit/4", "connlimit/6"],
  "--connlimit-saddr": ["none", "connlimit/4", "connlimit/6"],
  "--connlimit-upto": ["required", "connlimit/4", "connlimit/6"],
  "--contiguous": ["none", "time"],
  "--cpu": ["required", "cpu"],
  "--ctdir": ["required", "conntrack/4", "conntrack/6"],
  "--ctevents": ["required", "CT"],
  "--ctexpire": ["required", "conntrack/4", "conntrack/6"],
  "--ctmask": ["required", "CONNMARK"],
  "--ctorigdst": ["required", "conntrack/4", "conntrack/6"],
  "--ctorigdstport": ["required", "conntrack/4", "conntrack/6"],
  "--ctorigsrc": ["required", "conntrack/4", "conntrack/6"],
  "--ctorigsrcport": ["required", "conntrack/4", "conntrack/6"],
  "--ctproto": ["required", "conntrack/4", "conntrack/6"],
  "--ctrepldst": ["required", "conntrack/4", "conntrack/6"],
  "--ctrepldstport": ["required", "conntrack/4", "conntrack/6"],
  "--ctreplsrc": ["required", "conntrack/4", "conntrack/6"],
  "--ctreplsrcport": ["required", "conntrack/4", "conntrack/6"],
  "--ctstate": ["required", "conntrack/4", "conntrack/6"],
  "--ctstatus": ["required", "conntrack/4", "conntrack/6"],
  "--datestart": ["required", "time"],
  "--datestop": ["required", "time"],
  "--dccp-option": ["required", "dccp"],
  "--dccp-types": ["required", "dccp"],
  "--del-set": ["required", "SET"],
  "--destination-port": ["required", "dccp", "sctp", "tcp", "udp"],
  "--destination-ports": ["required", "multiport/4", "multiport/6"],
  "--dir": ["required", "policy/4", "policy/6"],
  "--dport": ["required", "dccp", "sctp", "tcp", "udp"],
  "--dports": ["required", "multiport/4", "multiport/6"],
  "--dscp": ["required", "dscp/4", "dscp/6"],
  "--dscp-class": ["required", "dscp/4", "dscp/6"],
  "--dst-group": ["required", "devgroup"],
  "--dst-len": ["required", "dst/6"],
  "--dst-opts": ["required", "dst/6"],
  "--dst-pfx": ["required", "DNPT/6", "SNPT/6"],
  "--dst-range": ["required", "iprange/4", "iprange/6"],
  "--dst-type": ["required", "addrtype"],
  "--ecn": ["none", "SYNPROXY"],
  "--ecn-ip-ect": ["required", "ECN/4", "ecn"],
  "--ecn-tcp-cwr": ["mixed", "ECN/4", "ecn"],
  "--ecn-tcp-ece": ["mixed", "ECN/4", "ecn"],
  "--ecn-tcp-remove": ["none", "ECN/4"],
  "--espspi": ["required", "esp"],
  "--every": ["required", "statistic"],
  "--exist": ["none", "SET"],
  "--expevents": ["required", "CT"],
  "--fragfirst": ["none", "frag/6"],
  "--fragid": ["required", "frag/6"],
  "--fraglast": ["none", "frag/6"],
  "--fraglen": ["required", "frag/6"],
  "--fragmore": ["none", "frag/6"],
  "--fragres": ["none", "frag/6"],
  "--from": ["required", "string"],
  "--gateway": ["required", "TEE/4", "TEE/6"],
  "--genre": ["required", "osf/4"],
  "--gid-owner": ["required", "owner"],
  "--hash-init": ["required", "CLUSTERIP/4"],
  "--hashlimit": ["required", "hashlimit"],
  "--hashlimit-above": ["required", "hashlimit/4", "hashlimit/6"],
  "--hashlimit-burst": ["required", "hashlimit"],
  "--hashlimit-dstmask": ["required", "hashlimit/4", "hashlimit/6"],
  "--hashlimit-htable-expire": ["required", "hashlimit"],
  "--hashlimit-htable-gcinterval": ["required", "hashlimit"],
  "--hashlimit-htable-max": ["required", "hashlimit"],
  "--hashlimit-htable-size": ["required", "hashlimit"],
  "--hashlimit-mode": ["required", "hashlimit"],
  "--hashlimit-name": ["required", "hashlimit"],
  "--hashlimit-rate-interval": ["required", "hashlimit/4", "hashlimit/6"],
  "--hashlimit-rate-match": ["none", "hashlimit/4", "hashlimit/6"],
  "--hashlimit-srcmask": ["required", "hashlimit/4", "hashlimit/6"],
  "--hashlimit-upto": ["required", "hashlimit/4", "hashlimit/6"],
  "--hashmode": ["required", "CLUSTERIP/4"],
  "--hbh-len": ["required", "hbh/6"],
  "--hbh-opts": ["required", "hbh/6"],
  "--header": ["required", "ipv6header/6"],
  "--helper": ["required", "CT", "helper"],
  "--hex-string": ["required", "string"],
  "--hitcount": ["required", "recent"],
  "--hl": ["required", "hl/6"],
  "--hl-dec": ["required", "HL/6"],
  "--hl-eq": ["required", "hl/6"],
  "--hl-gt": ["required", "hl/6"],
  "--hl-inc": ["required", "HL/6"],
  "--hl-lt": ["required", "hl/6"],
  "--hl-set": ["required", "HL/6"],
  "--hmark-dport": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-dport-mask": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-dst-prefix": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-mod": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-offset": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-proto-mask": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-rnd": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-spi": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-spi-mask": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-sport": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-sport-mask": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-src-prefix": ["required", "HMARK/4", "HMARK/6"],
  "--hmark-tuple": ["required", "HMARK/4", "HMARK/6"],
  "--icase": ["none", "string"],
  "--icmp-type": ["required", "icmp/4"],
  "--icmpv6-type": ["required", "icmp6/6"],
  "--invert": ["none", "rpfilter"],
  "--ipcompspi": ["required", "ipcomp"],
  "--ipvs": ["none", "ipvs/4", "ipvs/6"],
  "--kerneltz": ["none", "time"],
  "--label": ["required", "IDLETIMER", "connlabel"],
  "--led-always-blink": ["none", "LED"],
  "--led-delay": ["required", "LED"],
  "--led-trigger-id": ["required", "LED"],
  "--left-shift-mark": ["required", "CONNMARK"],
  "--length": ["required", "length"],
  "--limit": ["required", "limit"],
  "--limit-burst": ["required", "limit"],
  "--limit-iface-in": ["none", "addrtype"],
  "--limit-iface-out": ["none", "addrtype"],
  "--local-node": ["required", "CLUSTERIP/4"],
  "--localtz": ["none", "time"],
  "--log": ["required", "osf/4"],
  "--log-ip-options": ["none", "LOG"],
  "--log-level": ["required", "LOG"],
  "--log-macdecode": ["none", "LOG"],
  "--log-prefix": ["required", "LOG"],
  "--log-tcp-options": ["none", "LOG"],
  "--log-tcp-sequence": ["none", "LOG"],
  "--log-uid": ["none", "LOG"],
  "--loose": ["none", "rpfilter"],
  "--mac-source": ["required", "mac"],
  "--map-mark": ["none", "SET"],
  "--map-prio": ["none", "SET"],
  "--map-queue": ["none", "SET"],
  "--map-set": ["required", "SET"],
  "--mark": ["required", "connmark", "mark"],
  "--mask": ["required", "CONNMARK", "recent/4", "recent/6"],
  "--match-set": ["required", "set"],
  "--mh-type": ["required", "mh/6"],
  "--mode": ["required", "policy/4", "policy/6", "statistic"],
  "--monthdays": ["required", "time"],
  "--mss": ["required", "SYNPROXY", "tcpmss"],
  "--name": ["required", "recent"],
  "--new": ["none", "CLUSTERIP/4"],
  "--next": ["none", "policy/4", "policy/6"],
  "--nfacct-name": ["required", "nfacct"],
  "--nflog-group": ["required", "NFLOG"],
  "--nflog-prefix": ["required", "NFLOG"],
  "--nflog-range": ["required", "NFLOG"],
  "--nflog-size": ["required", "NFLOG"],
  "--nflog-threshold": ["required", "NFLOG"],
  "--nfmask": ["required", "CONNMARK"],
  "--notrack": ["none", "CT"],
  "--nowildcard": ["none", "socket"],
  "--object-pinned": ["required", "bpf"],
  "--oif": ["required", "TEE/4", "TEE/6"],
  "--on-ip": ["required", "TPROXY/4", "TPROXY/6"],
  "--on-port": ["required", "TPROXY/4", "TPROXY/6"],
  "--or-mark": ["required", "CONNMARK", "MARK"],
  "--or-tos": ["required", "TOS"],
  "--packet": ["required", "statistic"],
  "--packets-eq": ["required", "set"],
  "--packets-gt": ["required", "set"],
  "--packets-lt": ["required", "set"],
  "--path": ["required", "cgroup"],
  "--persistent": ["none", "DNAT/4", "DNAT/6", "SNAT/4", "SNAT/6"],
  "--physdev-in": ["required", "physdev"],
  "--physdev-is-bridged": ["none", "physdev"],
  "--physdev-is-in": ["none", "physdev"],
  "--physdev-is-out": ["none", "physdev"],
  "--physdev-out": ["required", "physdev"],
  "--pid-owner": ["required", "owner/4", "owner/6"],
  "--pkt-type": ["required", "pkttype"],
  "--pol": ["required", "policy/4", "policy/6"],
  "--ports": ["required", "multiport/4", "multiport/6"],
  "--probability": ["required", "statistic"],
  "--proto": ["required", "policy/4", "policy/6"],
  "--queue-balance": ["required", "NFQUEUE"],
  "--queue-bypass": ["none", "NFQUEUE"],
  "--queue-cpu-fanout": ["none", "NFQUEUE"],
  "--queue-num": ["required", "NFQUEUE"],
  "--quota": ["required", "quota"],
  "--random": ["none", "DNAT/4", "DNAT/6", "MASQUERADE/4", "MASQUERADE/6", "REDIRECT/4", "REDIRECT/6", "SNAT/4", "SNAT/6"],
  "--random-fully": ["none", "MASQUERADE/4", "MASQUERADE/6", "SNAT/4", "SNAT/6"],
  "--rateest": ["required", "rateest"],
  "--rateest-bps": ["none", "rateest"],
  "--rateest-bps1": ["none", "rateest"],
  "--rateest-bps2": ["none", "rateest"],
  "--rateest-delta": ["none", "rateest"],
  "--rateest-eq": ["none", "rateest"],
  "--rateest-ewmalog": ["required", "RATEEST"],
  "--rateest-gt": ["none", "rateest"],
  "--rateest-interval": ["required", "RATEEST"],
  "--rateest-lt": ["none", "rateest"],
  "--rateest-name": ["required", "RATEEST"],
  "--rateest-pps": ["none", "rateest"],
  "--rateest-pps1": ["none", "rateest"],
  "--rateest-pps2": ["none", "rateest"],
  "--rateest1": ["required", "rateest"],
  "--rateest2": ["required", "rateest"],
  "--rcheck": ["none", "recent"],
  "--rdest": ["none", "recent"],
  "--realm": ["required", "realm/4"],
  "--reap": ["none", "recent"],
  "--reject-with": ["required", "REJECT/4", "REJECT/6"],
  "--remove": ["none", "recent"],
  "--reqid": ["required", "policy/4", "policy/6"],
  "--restore": ["none", "CONNSECMARK"],
  "--restore-mark": ["none", "CONNMARK"],
  "--restore-skmark": ["none", "socket"],
  "--return-nomatch": ["none", "set"],
  "--right-shift-mark": ["required", "CONNMARK"],
  "--rsource": ["none", "recent"],
  "--rt-0-addrs": ["required", "rt/6"],
  "--rt-0-not-strict": ["none", "rt/6"],
  "--rt-0-res": ["none", "rt/6"],
  "--rt-len": ["required", "rt/6"],
  "--rt-segsleft": ["required", "rt/6"],
  "--rt-type": ["required", "rt/6"],
  "--rttl": ["none", "recent"],
  "--sack-perm": ["none", "SYNPROXY"],
  "--save": ["none", "CONNSECMARK"],
  "--save-mark": ["none", "CONNMARK"],
  "--seconds": ["required", "recent"],
  "--selctx": ["required", "SECMARK"],
  "--set": ["mixed", "connlabel", "recent", "set"],
  "--set-class": ["required", "CLASSIFY"],
  "--set-dscp": ["required", "DSCP/4", "DSCP/6"],
  "--set-dscp-class": ["required", "DSCP/4", "DSCP/6"],
  "--set-mark": ["required", "CONNMARK", "MARK"],
  "--set-mss": ["required", "TCPMSS/4", "TCPMSS/6"],
  "--set-tos": ["required", "TOS"],
  "--set-xmark": ["required", "CONNMARK", "MARK"],
  "--sid-owner": ["required", "owner/4", "owner/6"],
  "--socket-exists": ["none", "owner"],
  "--soft": ["none", "ipv6header/6"],
  "--source-port": ["required", "dccp", "sctp", "tcp", "udp"],
  "--source-ports": ["required", "multiport/4", "multiport/6"],
  "--spi": ["required", "policy/4", "policy/6"],
  "--sport": ["required", "dccp", "sctp", "tcp", "udp"],
  "--sports": ["required", "multiport/4", "multiport/6"],
  "--src-group": ["required", "devgroup"],
  "--src-pfx": ["required", "DNPT/6", "SNPT/6"],
  "--src-range": ["required", "iprange/4", "iprange/6"],
  "--src-type": ["required", "addrtype"],
  "--srh-hdr-len-eq": ["required", "srh/6"],
  "--srh-hdr-len-gt": ["required", "srh/6"],
  "--srh-hdr-len-lt": ["required", "srh/6"],
  "--srh-last-entry-eq": ["required", "srh/6"],
  "--srh-last-entry-gt": ["required", "srh/6"],
  "--srh-last-entry-lt": ["required", "srh/6"],
  "--srh-lsid": ["required", "srh/6"],
  "--srh-next-hdr": ["required", "srh/6"],
  "--srh-nsid": ["required", "srh/6"],
  "--srh-psid": ["required", "srh/6"],
  "--srh-segs-left-eq": ["required", "srh/6"],
  "--srh-segs-left-gt": ["required", "srh/6"],
  "--srh-segs-left-lt": ["required", "srh/6"],
  "--srh-tag": ["required", "srh/6"],
  "--state": ["required", "state"],
  "--strict": ["none", "policy/4", "policy/6"],
  "--string": ["required", "string"],
  "--strip-options": ["required", "TCPOPTSTRIP"],
  "--suppl-groups": ["none", "owner"],
  "--syn": ["none", "tcp"],
  "--tcp-flags": ["required", "tcp"],
  "--tcp-option": ["required", "tcp"],
  "--timeout": ["required", "CT", "IDLETIMER", "SET"],
  "--timestamp": ["none", "SYNPROXY"],
  "--timestart": ["required", "time"],
  "--timestop": ["required", "time"],
  "--to": ["required", "NETMAP/4", "NETMAP/6", "string"],
  "--to-destination": ["required", "DNAT/4", "DNAT/6"],
  "--to-ports": ["required", "MASQUERADE/4", "MASQUERADE/6", "REDIRECT/4", "REDIRECT/6"],
  "--to-source": ["required", "SNAT/4", "SNAT/6"],
  "--tos": ["required", "tos"],
  "--total-nodes": ["required", "CLUSTERIP/4"],
  "--tproxy-mark": ["required", "TPROXY/4", "TPROXY/6"],
  "--transparent": ["none", "socket"],
  "--ttl": ["required", "osf/4", "ttl/4"],
  "--ttl-dec": ["required", "TTL/4"],
  "--ttl-eq": ["required", "ttl/4"],
  "--ttl-gt": ["required", "ttl/4"],
  "--ttl-inc": ["required", "TTL/4"],
  "--ttl-lt": ["required", "ttl/4"],
  "--ttl-set": ["required", "TTL/4"],
  "--tunnel-dst": ["required", "policy/4", "policy/6"],
  "--tunnel-src": ["required", "policy/4", "policy/6"],
  "--type": ["required", "AUDIT"],
  "--u32": ["required", "u32"],
  "--uid-owner": ["required", "owner"],
  "--ulog-cprange": ["required", "ULOG/4"],
  "--ulog-nlgroup": ["required", "ULOG/4"],
  "--ulog-prefix": ["required", "ULOG/4"],
  "--ulog-qthreshold": ["required", "ULOG/4"],
  "--update": ["none", "recent"],
  "--update-counters": ["none", "set"],
  "--update-subcounters": ["none", "set"],
  "--utc": ["none", "time"],
  "--vaddr": ["required", "ipvs/4", "ipvs/6"],
  "--validmark": ["none", "rpfilter"],
  "--vdir": ["required", "ipvs/4", "ipvs/6"],
  "--vmethod": ["required", "ipvs/4", "ipvs/6"],
  "--vport": ["required", "ipvs/4", "ipvs/6"],
  "--vportctl": ["required", "ipvs/4", "ipvs/6"],
  "--vproto": ["required", "ipvs/4", "ipvs/6"],
  "--weekdays": ["required", "time"],
  "--wscale": ["required", "SYNPROXY"],
  "--xor-mark": ["required", "CONNMARK", "MARK"],
  "--xor-tos": ["required", "TOS"],
  "--zone": ["required", "CT"],
  "--zone-orig": ["required", "CT"],
  "--zone-reply": ["required", "CT"]
};

// grammar/tokens.ts
var category = (name, categories = []) => createToken({ name, pattern: Lexer.NA, categories });
var AnyWord = category("AnyWord");
var AnyOption = category("AnyOption");
var AnyCommand = category("AnyCommand", [AnyOption]);
var AnyRuleOption = category("AnyRuleOption", [AnyOption]);
var AnyValue = category("AnyValue");
var define = (name, categories = []) => category(name, [...categories, AnyWord]);
var TableHeader = define("TableHeader");
var ChainDecl = define("ChainDecl");
var Commit = define("Commit");
var Counters = define("Counters");
var Bang = define("Bang");
var Append = define("Append", [AnyCommand]);
var Insert = define("Insert", [AnyCommand]);
var Delete = define("Delete", [AnyCommand]);
var Replace = define("Replace", [AnyCommand]);
var NewChain = define("NewChain", [AnyCommand]);
var DeleteChain = define("DeleteChain", [AnyCommand]);
var Flush = define("Flush", [AnyCommand]);
var Zero = define("Zero", [AnyCommand]);
var RenameChain = define("RenameChain", [AnyCommand]);
var Policy = define("Policy", [AnyCommand]);
var OtherCommand = define("OtherCommand", [AnyCommand]);
var MatchOption = define("MatchOption", [AnyRuleOption, AnyOption]);
var JumpOption = define("JumpOption", [AnyRuleOption, AnyOption]);
var GotoOption = define("GotoOption", [AnyRuleOption, AnyOption]);
var SetCountersOption = define("SetCountersOption", [AnyRuleOption, AnyOption]);
var TableOption = define("TableOption", [AnyRuleOption, AnyOption]);
var GenericOption = define("GenericOption", [AnyRuleOption, AnyOption]);
var ModuleOption = define("ModuleOption", [AnyRuleOption, AnyOption]);
var Word = define("Word", [AnyValue]);
var QuotedWord = define("QuotedWord", [AnyValue]);
var TokenCode = /* @__PURE__ */ ((TokenCode2) => {
  TokenCode2[TokenCode2["TableHeader"] = 0] = "TableHeader";
  TokenCode2[TokenCode2["ChainDecl"] = 1] = "ChainDecl";
  TokenCode2[TokenCode2["Commit"] = 2] = "Commit";
  TokenCode2[TokenCode2["Counters"] = 3] = "Counters";
  TokenCode2[TokenCode2["Bang"] = 4] = "Bang";
  TokenCode2[TokenCode2["Append"] = 5] = "Append";
  TokenCode2[TokenCode2["Insert"] = 6] = "Insert";
  TokenCode2[TokenCode2["Delete"] = 7] = "Delete";
  TokenCode2[TokenCode2["Replace"] = 8] = "Replace";
  TokenCode2[TokenCode2["NewChain"] = 9] = "NewChain";
  TokenCode2[TokenCode2["DeleteChain"] = 10] = "DeleteChain";
  TokenCode2[TokenCode2["Flush"] = 11] = "Flush";
  TokenCode2[TokenCode2["Zero"] = 12] = "Zero";
  TokenCode2[TokenCode2["RenameChain"] = 13] = "RenameChain";
  TokenCode2[TokenCode2["Policy"] = 14] = "Policy";
  TokenCode2[TokenCode2["OtherCommand"] = 15] = "OtherCommand";
  TokenCode2[TokenCode2["MatchOption"] = 16] = "MatchOption";
  TokenCode2[TokenCode2["JumpOption"] = 17] = "JumpOption";
  TokenCode2[TokenCode2["GotoOption"] = 18] = "GotoOption";
  TokenCode2[TokenCode2["SetCountersOption"] = 19] = "SetCountersOption";
  TokenCode2[TokenCode2["TableOption"] = 20] = "TableOption";
  TokenCode2[TokenCode2["GenericOption"] = 21] = "GenericOption";
  TokenCode2[TokenCode2["ModuleOption"] = 22] = "ModuleOption";
  TokenCode2[TokenCode2["Word"] = 23] = "Word";
  TokenCode2[TokenCode2["QuotedWord"] = 24] = "QuotedWord";
  return TokenCode2;
})(TokenCode || {});
var isRuleOptionCode = (code) => code >= 16 /* MatchOption */ && code <= 22 /* ModuleOption */;
var tokenTypeOf = [
  TableHeader,
  ChainDecl,
  Commit,
  Counters,
  Bang,
  Append,
  Insert,
  Delete,
  Replace,
  NewChain,
  DeleteChain,
  Flush,
  Zero,
  RenameChain,
  Policy,
  OtherCommand,
  MatchOption,
  JumpOption,
  GotoOption,
  SetCountersOption,
  TableOption,
  GenericOption,
  ModuleOption,
  Word,
  QuotedWord
];
var allTokenTypes = [AnyWord, AnyOption, AnyCommand, AnyRuleOption, AnyValue, ...tokenTypeOf];
var structuralOptions = /* @__PURE__ */ new Map([
  ["-A", 5 /* Append */],
  ["--append", 5 /* Append */],
  ["-I", 6 /* Insert */],
  ["--insert", 6 /* Insert */],
  ["-D", 7 /* Delete */],
  ["--delete", 7 /* Delete */],
  ["-R", 8 /* Replace */],
  ["--replace", 8 /* Replace */],
  ["-N", 9 /* NewChain */],
  ["--new-chain", 9 /* NewChain */],
  ["--new", 9 /* NewChain */],
  ["-X", 10 /* DeleteChain */],
  ["--delete-chain", 10 /* DeleteChain */],
  ["-F", 11 /* Flush */],
  ["--flush", 11 /* Flush */],
  ["-Z", 12 /* Zero */],
  ["--zero", 12 /* Zero */],
  ["-E", 13 /* RenameChain */],
  ["--rename-chain", 13 /* RenameChain */],
  ["-P", 14 /* Policy */],
  ["--policy", 14 /* Policy */],
  ["-C", 15 /* OtherCommand */],
  ["--check", 15 /* OtherCommand */],
  ["-L", 15 /* OtherCommand */],
  ["--list", 15 /* OtherCommand */],
  ["-S", 15 /* OtherCommand */],
  ["--list-rules", 15 /* OtherCommand */],
  ["-m", 16 /* MatchOption */],
  ["--match", 16 /* MatchOption */],
  ["-j", 17 /* JumpOption */],
  ["--jump", 17 /* JumpOption */],
  ["-g", 18 /* GotoOption */],
  ["--goto", 18 /* GotoOption */],
  ["-c", 19 /* SetCountersOption */],
  ["--set-counters", 19 /* SetCountersOption */],
  ["-t", 20 /* TableOption */],
  ["--table", 20 /* TableOption */],
  ["-s", 21 /* GenericOption */],
  ["--source", 21 /* GenericOption */],
  ["--src", 21 /* GenericOption */],
  ["-d", 21 /* GenericOption */],
  ["--destination", 21 /* GenericOption */],
  ["--dst", 21 /* GenericOption */],
  ["-i", 21 /* GenericOption */],
  ["--in-interface", 21 /* GenericOption */],
  ["-o", 21 /* GenericOption */],
  ["--out-interface", 21 /* GenericOption */],
  ["-p", 21 /* GenericOption */],
  ["--protocol", 21 /* GenericOption */],
  ["-f", 21 /* GenericOption */],
  ["--fragment", 21 /* GenericOption */],
  ["--fragments", 21 /* GenericOption */],
  ["-4", 21 /* GenericOption */],
  ["--ipv4", 21 /* GenericOption */],
  ["-6", 21 /* GenericOption */],
  ["--ipv6", 21 /* GenericOption */]
]);
var optionArity = new Map([
  ...["-A", "--append", "-I", "--insert", "-R", "--replace", "-D", "--delete", "-N", "--new-chain", "--new"].map((o) => [o, 1]),
  ...["-E", "--rename-chain", "-P", "--policy", "-c", "--set-counters"].map((o) => [o, 2]),
  ...["-j", "--jump", "-g", "--goto", "-m", "--match", "-t", "--table"].map((o) => [o, 1]),
  ...["-s", "--source", "--src", "-d", "--destination", "--dst", "-i", "--in-interface", "-o", "--out-interface", "-p", "--protocol"].map((o) => [o, 1]),
  ...["--comment", "--log-prefix", "--nflog-prefix", "--ulog-prefix", "--string"].map((o) => [o, 1])
]);
var ABBREVIATIONS = ["--new", "--fragment"];
var extensionSpellings = new Map(
  ABBREVIATIONS.filter((name) => Object.hasOwn(EXTENSION_OPTIONS, name)).map((name) => [
    name,
    EXTENSION_OPTIONS[name].slice(1).map((owner2) => owner2.replace(/\/[46]$/, ""))
  ])
);
var optionTable = new Map(
  [.../* @__PURE__ */ new Set([...structuralOptions.keys(), ...optionArity.keys()])].map((name) => [
    name,
    (structuralOptions.get(name) ?? 22 /* ModuleOption */) | (optionArity.get(name) ?? 0) << 8 | (extensionSpellings.has(name) ? 131072 /* Shared */ : 0)
  ])
);
var shortOptionTable = (() => {
  const table = new Int32Array(128).fill(-1);
  for (const [name, packed] of optionTable) if (name.length === 2) table[name.charCodeAt(1)] = packed;
  return table;
})();
var gluedOptionTable = (() => {
  const table = new Int32Array(128).fill(-1);
  for (const letter of "ACDEFILNPRSXZcgmt") table[letter.charCodeAt(0)] = shortOptionTable[letter.charCodeAt(0)] | 65536 /* Glued */;
  return table;
})();
var LONG_MAX = 64;
var longNames = [...optionTable.keys()].filter((name) => name.length > 2);
var longPacked = longNames.map((name) => optionTable.get(name));
var longBuckets = [];
var longFilter = new Uint8Array(LONG_MAX * 128);
longNames.forEach((name, id) => {
  (longBuckets[name.length] ??= []).push(id);
  longFilter[name.length * 128 + name.charCodeAt(2)] = 1;
});
function longOptionCode(text, start, end) {
  const length = end - start;
  if (length >= LONG_MAX) return 22 /* ModuleOption */;
  const third = text.charCodeAt(start + 2);
  if (third >= 128 || longFilter[length * 128 + third] === 0) return 22 /* ModuleOption */;
  const bucket = longBuckets[length];
  for (let b = 0; b < bucket.length; b++) {
    const name = longNames[bucket[b]];
    let i = 2;
    while (i < length && name.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === length) return longPacked[bucket[b]];
  }
  return 22 /* ModuleOption */;
}
var TWO_WORDS = /* @__PURE__ */ new Set(["--tcp-flags", "--chunk-types", "--match-set", "--add-set", "--del-set", "--map-set"]);
function optionValueCount(name) {
  const code = structuralOptions.get(name);
  if (code !== void 0) return code >= 5 /* Append */ && code <= 15 /* OtherCommand */ ? null : optionArity.get(name) ?? 0;
  const arity = optionArity.get(name);
  if (arity !== void 0) return arity;
  if (!Object.hasOwn(EXTENSION_OPTIONS, name) || name.startsWith("--rateest")) return null;
  const [argument] = EXTENSION_OPTIONS[name];
  return argument === "none" ? 0 : argument === "required" ? TWO_WORDS.has(name) ? 2 : 1 : null;
}

// grammar/lexer.ts
var MAX_WORD_LENGTH = 1023;
var MAX_WORDS_PER_LINE = 251;
var WORD_LENGTH_LIMIT = MAX_WORD_LENGTH;
var WORDS_PER_LINE_LIMIT = MAX_WORDS_PER_LINE;
var TokenStore = class {
  /** `spare`: memory no one else uses, to keep the starts and ends in (see `LexOptions.spareMemory`). */
  constructor(capacity, spare) {
    this.count = 0;
    const fits = spare === void 0 ? 0 : Math.floor(spare.byteLength / 8);
    const inSpare = fits >= 64 && fits >= capacity - 64;
    const size = inSpare ? Math.min(capacity, fits) : Math.max(capacity, 64);
    if (inSpare) {
      this.starts = new Int32Array(spare, 0, size);
      this.ends = new Int32Array(spare, size * 4, size);
    } else {
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
    }
    this.codes = new Uint8Array(size);
  }
  push(start, end, code) {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.codes[this.count] = code;
    this.count++;
  }
  /** Appends old tokens `from .. to - 1`, their offsets shifted by `delta` (a block copy, not a push each). */
  appendShifted(old, from, to, delta) {
    const count = to - from;
    while (this.count + count > this.starts.length) this.grow();
    const at = this.count;
    this.starts.set(old.starts.subarray(from, to), at);
    this.ends.set(old.ends.subarray(from, to), at);
    this.codes.set(old.codes.subarray(from, to), at);
    if (delta !== 0) shift(this.starts, at, at + count, delta), shift(this.ends, at, at + count, delta);
    this.count += count;
  }
  grow() {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const codes = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    codes.set(this.codes);
    this.starts = starts;
    this.ends = ends;
    this.codes = codes;
  }
};
function shift(array, from, to, delta) {
  for (let i = from; i < to; i++) array[i] += delta;
}
var IntList = class {
  constructor(capacity) {
    this.length = 0;
    this.data = new Int32Array(Math.max(capacity, 16));
  }
  /** Appends `values[from, to)` plus `delta` each. */
  appendShifted(values2, from, to, delta) {
    const count = to - from;
    if (this.length + count > this.data.length) {
      const data = new Int32Array(Math.max(this.data.length * 2, this.length + count));
      data.set(this.data);
      this.data = data;
    }
    this.data.set(values2.subarray(from, to), this.length);
    if (delta !== 0) shift(this.data, this.length, this.length + count, delta);
    this.length += count;
  }
  push(value) {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }
  trimmed() {
    return this.data.subarray(0, this.length);
  }
};
var BYTE_ORDER_MARK = 65279;
var SPACE = 32;
var TAB = 9;
var CR = 13;
var QUOTE = 34;
var BACKSLASH = 92;
var HASH = 35;
var NUL = 0;
var utf8Length = (c) => c < 128 ? 1 : c < 2048 || c >= 55296 && c <= 57343 ? 2 : 3;
var isLetter = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90;
function optionFollows(text, from, end) {
  let j = from;
  while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  if (j + 1 >= end || text.charCodeAt(j) !== 45) return false;
  const c1 = text.charCodeAt(j + 1);
  return isLetter(c1) || c1 === 45 && j + 2 < end && isLetter(text.charCodeAt(j + 2));
}
function lex(text, options = {}) {
  const builder = new LexedBuilder(text, (text.length >> 6) + 16, (text.length >> 3) + 64, options.spareMemory);
  builder.lexLines(0, text.length);
  return builder.finish();
}
function lineTable(text) {
  const builder = new LexedBuilder(text, (text.length >> 6) + 16, 0);
  builder.lineLines(text.length);
  return builder.finish();
}
function relex(old, replacements, text) {
  if (old.lineCount === 0) return lex(text);
  const builder = new LexedBuilder(text, old.lineCount + 16, old.tokens.count + 64);
  let delta = 0;
  let copied = 0;
  for (const region of rewrittenLines(old, replacements)) {
    builder.copyLines(old, copied, region.first, delta);
    builder.lexLines(region.newStart, region.newEnd);
    delta = region.newEnd - old.lineStarts[region.last + 1];
    copied = region.last + 1;
  }
  builder.copyLines(old, copied, old.lineCount, delta);
  return builder.finish();
}
function rewrittenLines(old, replacements) {
  const lineOf2 = (offset) => {
    let low = 0;
    let high = old.lineCount - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (old.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const regions = [];
  let delta = 0;
  for (let r = 0; r < replacements.length; ) {
    const first2 = lineOf2(replacements[r].start);
    let last2 = lineOf2(replacements[r].end);
    let growth = 0;
    for (; r < replacements.length && lineOf2(replacements[r].start) <= last2; r++) {
      last2 = Math.max(last2, lineOf2(replacements[r].end));
      growth += replacements[r].text.length - (replacements[r].end - replacements[r].start);
    }
    regions.push({ first: first2, last: last2, newStart: old.lineStarts[first2] + delta, newEnd: old.lineStarts[last2 + 1] + delta + growth });
    delta += growth;
  }
  return regions;
}
var LexedBuilder = class {
  constructor(text, lines, tokens, spareMemory) {
    this.text = text;
    this.errors = [];
    this.line = 0;
    this.lineStarts = new IntList(lines);
    this.contentEnds = new IntList(lines);
    this.firstTokens = new IntList(lines);
    this.kinds = new IntList(lines);
    this.tokens = new TokenStore(tokens, spareMemory);
    this.hasNul = text.indexOf("\0") !== -1;
    this.marks = new Landmarks(text);
  }
  /** Lexes the lines that start in `text[from, to)`; `from` is a line start. */
  lexLines(from, to) {
    const { text } = this;
    const length = text.length;
    let start = from;
    while (start < to) {
      let newline = text.indexOf("\n", start);
      if (newline === -1) newline = length;
      let contentEnd = newline;
      if (newline < length && contentEnd > start && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
      this.lineStarts.push(start);
      this.contentEnds.push(contentEnd);
      this.firstTokens.push(this.tokens.count);
      if (this.hasNul) reportNul(text, start, contentEnd, this.line, this.errors);
      const contentStart = start === 0 && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : start;
      this.kinds.push(lexLine(text, contentStart, contentEnd, this.line, this.tokens, this.errors, this.marks));
      this.line++;
      start = newline + 1;
    }
  }
  /** Records the lines of the whole text without lexing them. */
  lineLines(to) {
    const { text } = this;
    for (let start = 0; start < to; ) {
      let newline = text.indexOf("\n", start);
      if (newline === -1) newline = text.length;
      let contentEnd = newline;
      if (newline < text.length && contentEnd > start && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
      this.lineStarts.push(start);
      this.contentEnds.push(contentEnd);
      this.firstTokens.push(0);
      this.kinds.push(0 /* Blank */);
      this.line++;
      start = newline + 1;
    }
  }
  /** Copies the old lines `from .. to - 1`, their tokens and errors, shifted by `delta`. */
  copyLines(old, from, to, delta) {
    const shift2 = this.line - from;
    for (const error of old.errors) {
      if (error.line >= from && error.line < to) {
        this.errors.push({ ...error, line: error.line + shift2, start: error.start + delta, end: error.end + delta });
      }
    }
    if (to <= from) return;
    this.lineStarts.appendShifted(old.lineStarts, from, to, delta);
    this.contentEnds.appendShifted(old.contentEnds, from, to, delta);
    this.firstTokens.appendShifted(old.firstTokens, from, to, this.tokens.count - old.firstTokens[from]);
    this.kinds.appendShifted(old.lineKinds, from, to, 0);
    this.tokens.appendShifted(old.tokens, old.firstTokens[from], old.firstTokens[to], delta);
    this.line += to - from;
  }
  finish() {
    this.lineStarts.push(this.text.length);
    this.firstTokens.push(this.tokens.count);
    return {
      text: this.text,
      lineCount: this.line,
      lineStarts: this.lineStarts.trimmed(),
      contentEnds: this.contentEnds.trimmed(),
      lineKinds: this.kinds.trimmed(),
      firstTokens: this.firstTokens.trimmed(),
      tokens: this.tokens,
      errors: this.errors.sort((a, b) => a.line - b.line)
    };
  }
};
function decodedByteLength(text, start, end) {
  let length = 0;
  let inQuote = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      inQuote = !inQuote;
      continue;
    }
    if (inQuote && c === BACKSLASH) {
      if (++i >= end) break;
      length += utf8Length(text.charCodeAt(i));
      continue;
    }
    length += utf8Length(c);
  }
  return length;
}
function reportNul(text, start, end, line, errors) {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === NUL) {
      errors.push({ kind: 3 /* NulByte */, line, start: i, end: i + 1 });
      return;
    }
  }
}
var Landmarks = class {
  constructor(text) {
    this.text = text;
    this.quote = -1;
    this.tab = -1;
    this.equals = -1;
  }
  /** Whether `text[from, to)` has no quote. */
  noQuoteBefore(from, to) {
    if (this.quote < from) this.quote = this.find('"', from);
    return this.quote >= to;
  }
  /** Whether `text[from, to)` has no tab. */
  noTabBefore(from, to) {
    if (this.tab < from) this.tab = this.find("	", from);
    return this.tab >= to;
  }
  /** Whether `text[from, to)` has no `=`. */
  noEqualsBefore(from, to) {
    if (this.equals < from) this.equals = this.find("=", from);
    return this.equals >= to;
  }
  find(ch, from) {
    const at = this.text.indexOf(ch, from);
    return at === -1 ? this.text.length : at;
  }
};
function lexLine(text, start, end, line, tokens, errors, marks) {
  if (start === end) return 0 /* Blank */;
  const first2 = text.charCodeAt(start);
  if (first2 === HASH) return 1 /* Comment */;
  const lineFirstToken = tokens.count;
  let words2 = 0;
  let owed = 0;
  let bangMayFollow = false;
  let countersFirstWord = false;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    let tokenStart = i;
    let quoted = false;
    let quoteStart = -1;
    if (marks.noTabBefore(i, end)) {
      let space = text.indexOf(" ", i);
      if (space === -1 || space > end) space = end;
      if (marks.noQuoteBefore(i, space)) i = space;
    }
    while (i < end) {
      c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) break;
      if (c !== QUOTE) {
        i++;
        continue;
      }
      quoted = true;
      quoteStart = i++;
      while (i < end) {
        c = text.charCodeAt(i);
        if (c === BACKSLASH) i += 2;
        else if (c === QUOTE) break;
        else i++;
      }
      if (i >= end) {
        i = end;
        break;
      }
      i++;
      quoteStart = -1;
      break;
    }
    if (quoteStart !== -1) {
      errors.push({ kind: 0 /* UnterminatedQuote */, line, start: quoteStart, end });
    }
    if ((i - tokenStart) * 3 > WORD_LENGTH_LIMIT && decodedByteLength(text, tokenStart, i) > WORD_LENGTH_LIMIT) {
      errors.push({ kind: 1 /* WordTooLong */, line, start: tokenStart, end: i });
    }
    let code;
    if (owed > 0) {
      const bang = !quoted && i - tokenStart === 1 && text.charCodeAt(tokenStart) === 33;
      if (bang && bangMayFollow && !optionFollows(text, i, end)) {
        code = 4 /* Bang */;
      } else {
        code = quoted ? 24 /* QuotedWord */ : 23 /* Word */;
        owed--;
        if (countersFirstWord && !quoted && hasCommaAfterFirst(text, tokenStart, i)) owed = 0;
      }
      bangMayFollow = false;
      countersFirstWord = false;
    } else {
      const atLineStart = tokenStart === start && tokens.count === lineFirstToken;
      let packed = classify(text, tokenStart, i, quoted, atLineStart, tokens, lineFirstToken, marks);
      if (packed > 65535) {
        if ((packed & 131072 /* Shared */) !== 0) {
          packed = loadsOwnSpelling(text, tokenStart, i, tokens, lineFirstToken) ? 22 /* ModuleOption */ : packed & 65535;
        } else {
          tokens.push(tokenStart, tokenStart + 2, packed & 255);
          owed = Math.max(0, (packed >> 8 & 255) - 1);
          if ((packed & 255) === 19 /* SetCountersOption */ && !quoted && hasCommaAfterFirst(text, tokenStart + 2, i)) owed = 0;
          bangMayFollow = false;
          packed = quoted ? 24 /* QuotedWord */ : 23 /* Word */;
          tokenStart += 2;
        }
      }
      code = packed & 255;
      if (code >= 5 /* Append */ && code <= 22 /* ModuleOption */) {
        owed = packed >> 8;
        bangMayFollow = code === 21 /* GenericOption */ || code === 22 /* ModuleOption */;
        countersFirstWord = code === 19 /* SetCountersOption */;
      }
    }
    if (code !== 3 /* Counters */ || tokens.count !== lineFirstToken) words2++;
    if (words2 > WORDS_PER_LINE_LIMIT) {
      errors.push({ kind: 2 /* TooManyWords */, line, start: tokenStart, end });
      return 2 /* Words */;
    }
    tokens.push(tokenStart, i, code);
  }
  if (tokens.count === lineFirstToken) {
    errors.push({ kind: 6 /* BlanksOnly */, line, start, end });
    return 2 /* Words */;
  }
  findMissingValues(text, tokens, lineFirstToken, line, errors);
  const firstStart = tokens.starts[lineFirstToken];
  if (firstStart > start) {
    const c = text.charCodeAt(firstStart);
    if (c === HASH) errors.push({ kind: 4 /* IndentedComment */, line, start, end });
    else if (isLineHead(text, firstStart, tokens.ends[lineFirstToken])) {
      errors.push({ kind: 5 /* IndentedHead */, line, start: firstStart, end: tokens.ends[lineFirstToken] });
    }
  }
  return 2 /* Words */;
}
function classify(text, start, end, quoted, atLineStart, tokens, lineFirstToken, marks) {
  if (atLineStart && !quoted) {
    const head2 = headCode(text, start, end);
    if (head2 !== null) return head2;
  } else if (!quoted && text.charCodeAt(start) === 91 && tokens.count > lineFirstToken && tokens.codes[lineFirstToken] === 1 /* ChainDecl */) {
    return 3 /* Counters */;
  }
  if (quoted) {
    const word = decodeWord(text.slice(start, end));
    const packed = optionCode(word, 0, word.length);
    if ((packed & 65536 /* Glued */) !== 0 && (text.charCodeAt(start) !== 45 || text.charCodeAt(start + 1) === QUOTE)) return 22 /* ModuleOption */;
    return packed === 23 /* Word */ ? 24 /* QuotedWord */ : packed;
  }
  return optionCode(text, start, end, marks.noEqualsBefore(start, end));
}
function headCode(text, start, end) {
  const c0 = text.charCodeAt(start);
  if (c0 === 42) return 0 /* TableHeader */;
  if (c0 === 58) return 1 /* ChainDecl */;
  if (c0 === 91) return 3 /* Counters */;
  if (end - start === 6 && text.startsWith("COMMIT", start)) return 2 /* Commit */;
  return null;
}
var isLineHead = (text, start, end) => headCode(text, start, end) !== null;
function optionCode(text, start, end, noEquals = false) {
  const c0 = text.charCodeAt(start);
  const length = end - start;
  if (length === 1 && c0 === 33) return 4 /* Bang */;
  if (c0 !== 45 || length < 2) return 23 /* Word */;
  const c1 = text.charCodeAt(start + 1);
  if (c1 === 45) {
    if (length < 3 || !isLetter(text.charCodeAt(start + 2))) return 23 /* Word */;
    let nameEnd = noEquals ? end : start + 3;
    while (nameEnd < end && text.charCodeAt(nameEnd) !== 61) nameEnd++;
    const packed = longOptionCode(text, start, nameEnd);
    return nameEnd < end && (packed >> 8 & 255) > 0 ? packed - (1 << 8) : packed;
  }
  if (c1 < 128 && shortOptionTable[c1] !== -1) {
    if (length === 2) return shortOptionTable[c1];
    if (gluedOptionTable[c1] !== -1 && text.charCodeAt(start + 2) !== 45) return gluedOptionTable[c1];
  }
  return isLetter(c1) ? 22 /* ModuleOption */ : 23 /* Word */;
}
function findMissingValues(text, tokens, first2, line, errors) {
  const { codes, starts, ends } = tokens;
  const last2 = tokens.count - 1;
  for (let t = first2 + 1; t <= last2; t++) {
    const code2 = codes[t];
    const before2 = codes[t - 1];
    if (code2 === 23 /* Word */) {
      if ((before2 === 16 /* MatchOption */ || before2 === 21 /* GenericOption */) && text.charCodeAt(starts[t]) === 45 && (before2 === 16 /* MatchOption */ || takesAddressOrProtocol(text, starts[t - 1], ends[t - 1])) && isKnownOption(text, starts[t], ends[t])) {
        errors.push({ kind: 7 /* MissingValue */, line, start: starts[t - 1], end: ends[t - 1] });
      }
    } else if (code2 >= 5 /* Append */ && code2 <= 22 /* ModuleOption */ && before2 === 22 /* ModuleOption */ && t < last2 && (codes[t + 1] === 23 /* Word */ || codes[t + 1] === 24 /* QuotedWord */) && !hasQuote(text, starts[t], ends[t]) && wordsOwed(text, starts[t - 1], ends[t - 1], before2) === 0 && takesValue(text, starts[t - 1], ends[t - 1])) {
      errors.push({ kind: 7 /* MissingValue */, line, start: starts[t - 1], end: ends[t - 1] });
    }
  }
  const code = codes[last2];
  if (code < 5 /* Append */ || code > 22 /* ModuleOption */) return;
  const owed = wordsOwed(text, starts[last2], ends[last2], code);
  if (owed > 0 ? code !== 17 /* JumpOption */ && code !== 18 /* GotoOption */ : code === 22 /* ModuleOption */ && takesValue(text, starts[last2], ends[last2])) {
    errors.push({ kind: 8 /* MissingValueAtEnd */, line, start: starts[last2], end: ends[last2] });
  }
}
function hasCommaAfterFirst(text, start, end) {
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}
function hasQuote(text, start, end) {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === QUOTE) return true;
  return false;
}
function wordsOwed(text, start, end, code) {
  const word = decodeWord(text.slice(start, end));
  const packed = optionCode(word, 0, word.length);
  return (packed & 255) === code ? packed >> 8 & 255 : 0;
}
function loadsOwnSpelling(text, start, end, tokens, lineFirstToken) {
  const word = decodeWord(text.slice(start, end));
  const equals = word.indexOf("=");
  const owners2 = extensionSpellings.get(equals === -1 ? word : word.slice(0, equals));
  if (owners2 === void 0) return false;
  const { codes, starts, ends } = tokens;
  for (let t = lineFirstToken; t + 1 < tokens.count; t++) {
    if (codes[t] !== 16 /* MatchOption */ && codes[t] !== 17 /* JumpOption */) continue;
    if (owners2.includes(decodeWord(text.slice(starts[t + 1], ends[t + 1])))) return true;
  }
  return false;
}
function takesValue(text, start, end) {
  const word = text.slice(start, end);
  if (word.includes("=")) return false;
  const name = word.includes('"') ? decodeWord(word) : word;
  return Object.hasOwn(EXTENSION_OPTIONS, name) && EXTENSION_OPTIONS[name][0] === "required";
}
function takesAddressOrProtocol(text, start, end) {
  const word = text.slice(start, end);
  return /^(-[sdp]|--(source|src|destination|dst|protocol))$/.test(word);
}
function isKnownOption(text, start, end) {
  const packed = optionCode(text, start, end);
  const code = packed & 255;
  if (code < 5 /* Append */ || code > 22 /* ModuleOption */) return false;
  if (code !== 22 /* ModuleOption */) return true;
  const word = text.slice(start, end);
  const equals = word.indexOf("=");
  return Object.hasOwn(EXTENSION_OPTIONS, equals === -1 ? word : word.slice(0, equals)) || (packed >> 8 & 255) > 0;
}
function decodeWord(raw) {
  if (raw.indexOf('"') === -1) return raw;
  let out = "";
  let inQuote = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (inQuote) {
      if (ch === "\\" && i + 1 < raw.length) {
        out += raw[++i];
      } else if (ch === '"') {
        inQuote = false;
      } else {
        out += ch;
      }
    } else if (ch === '"') {
      inQuote = true;
    } else {
      out += ch;
    }
  }
  return out;
}

// grammar/line-view.ts
function readTarget(lexed, line, into = { kind: "jump", start: 0, end: 0, quoted: false, optionStart: -1 }) {
  const first2 = lexed.firstTokens[line];
  const last2 = lexed.firstTokens[line + 1];
  const { codes, starts, ends } = lexed.tokens;
  for (let t = last2 - 1; t >= first2; t--) {
    const code = codes[t];
    if (code !== 17 /* JumpOption */ && code !== 18 /* GotoOption */) continue;
    into.kind = code === 18 /* GotoOption */ ? "goto" : "jump";
    const optionStart = starts[t];
    const optionEnd = ends[t];
    if (optionEnd - optionStart > 6) {
      const text = lexed.text;
      let equals = optionStart;
      while (equals < optionEnd && text.charCodeAt(equals) !== 61) equals++;
      if (equals < optionEnd) {
        into.start = equals + 1;
        into.end = optionEnd;
        into.quoted = text.slice(optionStart, optionEnd).includes('"');
        into.optionStart = optionStart;
        return into;
      }
    }
    if (t + 1 < last2 && (codes[t + 1] === 23 /* Word */ || codes[t + 1] === 24 /* QuotedWord */)) {
      into.start = starts[t + 1];
      into.end = ends[t + 1];
      into.quoted = codes[t + 1] === 24 /* QuotedWord */;
      into.optionStart = -1;
      return into;
    }
    return null;
  }
  return null;
}
function targetName(text, span) {
  if (!span.quoted) return text.slice(span.start, span.end);
  if (span.optionStart === -1) return decodeWord(text.slice(span.start, span.end));
  return inlineValue(decodeWord(text.slice(span.optionStart, span.end))) ?? "";
}
function inlineValue(word) {
  if (!word.startsWith("--")) return null;
  const equals = word.indexOf("=");
  return equals === -1 ? null : word.slice(equals + 1);
}
var ROLES = {
  [21 /* GenericOption */]: "generic",
  [16 /* MatchOption */]: "match",
  [17 /* JumpOption */]: "jump",
  [18 /* GotoOption */]: "goto",
  [19 /* SetCountersOption */]: "counters",
  [20 /* TableOption */]: "table",
  [22 /* ModuleOption */]: "module"
};
var roleOfCode = (code) => ROLES[code] ?? "command";
var LineView = class {
  constructor(line) {
    this.line = line;
    const { lexed } = line.source;
    this.first = lexed.firstTokens[line.index];
    this.e = line.plan.elements;
    this.count = this.e.length >> 2;
    this.text = line.source.text;
    this.starts = lexed.tokens.starts;
    this.ends = lexed.tokens.ends;
    this.codes = lexed.tokens.codes;
  }
  optionToken(i) {
    return this.first + this.e[i * 4 + 1];
  }
  /** What element `i`'s option is: generic (`-s`, `-p`, ...), match (`-m`), jump, goto, counters, table, module. */
  role(i) {
    return roleOfCode(this.codes[this.optionToken(i)]);
  }
  /** Element `i` is the target: `-j` or `-g`. */
  isTarget(i) {
    const code = this.codes[this.optionToken(i)];
    return code === 17 /* JumpOption */ || code === 18 /* GotoOption */;
  }
  /** The option's spelling as iptables sees it, without an inline `=value`. */
  name(i) {
    const t = this.optionToken(i);
    let word = this.text.slice(this.starts[t], this.ends[t]);
    if (word.includes('"')) word = decodeWord(word);
    const equals = word.startsWith("--") ? word.indexOf("=") : -1;
    return equals === -1 ? word : word.slice(0, equals);
  }
  /** Whether the option's name is exactly `name` (cheap: compares in place). */
  is(i, name) {
    const t = this.optionToken(i);
    const start = this.starts[t];
    const end = this.ends[t];
    if (end - start === name.length) return this.text.startsWith(name, start);
    return end - start > name.length && this.name(i) === name;
  }
  /** `!` before the option, or after it (the old form). */
  negated(i) {
    return this.e[i * 4] !== -1 || this.e[i * 4 + 2] !== -1;
  }
  /** The `!` came after the option (`-s ! x`). */
  lateBang(i) {
    return this.e[i * 4 + 2] !== -1;
  }
  /** The option's values as iptables sees them (an inline `--name=value` first). */
  values(i) {
    const out = [];
    const inline = this.valueInOptionWord(i);
    if (inline !== null) out.push(inline);
    const [from, to] = this.valueTokens(i);
    for (let k = from; k < to; k++) out.push(decodeWord(this.text.slice(this.starts[k], this.ends[k])));
    return out;
  }
  /** The first value, or null: `values(i)[0]`, without making the list (the packet walk reads a value of every option of 80,000 rules). */
  value(i) {
    const inline = this.valueInOptionWord(i);
    if (inline !== null) return inline;
    const [from, to] = this.valueTokens(i);
    return from < to ? decodeWord(this.text.slice(this.starts[from], this.ends[from])) : null;
  }
  /** The value inside the option word (`--name=value`), or null; the word is sliced only when it has a `=`. */
  valueInOptionWord(i) {
    const t = this.optionToken(i);
    const start = this.starts[t];
    const end = this.ends[t];
    for (let k = start; k < end; k++) if (this.text.charCodeAt(k) === 61) return inlineValue(decodeWord(this.text.slice(start, end)));
    return null;
  }
  /** The tokens of the values after the option word (after a late `!`): `[from, to)`. */
  valueTokens(i) {
    return [this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1, this.first + this.e[i * 4 + 3]];
  }
  /** The range of the option word. */
  optionRange(i) {
    const t = this.optionToken(i);
    return { start: this.starts[t], end: this.ends[t] };
  }
  /** The range of the whole element: `!`, option and values. */
  range(i) {
    const bang = this.e[i * 4];
    const option2 = this.e[i * 4 + 1];
    const late = this.e[i * 4 + 2];
    const end = this.e[i * 4 + 3];
    const firstToken = this.first + (bang !== -1 ? bang : option2);
    const lastToken = this.first + Math.max(end - 1, option2, late);
    return { start: this.starts[firstToken], end: this.ends[lastToken] };
  }
  /** The element as written: `! -o eth0`. */
  written(i) {
    const { start, end } = this.range(i);
    return this.text.slice(start, end);
  }
  /** The range of the `!` of element `i` (before or after the option), or null. */
  bangRange(i) {
    const bang = this.e[i * 4] !== -1 ? this.e[i * 4] : this.e[i * 4 + 2];
    if (bang === -1) return null;
    const t = this.first + bang;
    return { start: this.starts[t], end: this.ends[t] };
  }
  /** The range of value `k` of element `i` written as its own word, or null. */
  valueRange(i, k = 0) {
    const from = this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1;
    const t = from + k;
    if (t >= this.first + this.e[i * 4 + 3]) return null;
    return { start: this.starts[t], end: this.ends[t] };
  }
  /** Index of the last `-j`/`-g` element, or -1. */
  targetIndex() {
    for (let i = this.count - 1; i >= 0; i--) if (this.isTarget(i)) return i;
    return -1;
  }
};

// grammar/ast.ts
var Source = class {
  constructor(text, lexed, filePath) {
    this.text = text;
    this.lexed = lexed;
    this.filePath = filePath;
  }
  /** Line and column of an offset (binary search over line starts). */
  positionAt(offset) {
    const starts = this.lexed.lineStarts;
    const count = this.lexed.lineCount;
    if (offset >= this.text.length && (count === 0 || this.lexed.contentEnds[count - 1] < this.text.length)) {
      return { line: count + 1, column: 1 + offset - this.text.length, offset };
    }
    let low = 0;
    let high = this.lexed.lineCount - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart2 = this.lexed.lineCount === 0 ? 0 : starts[low];
    return { line: low + 1, column: offset - lineStart2 + 1, offset };
  }
  locate(range2) {
    return { start: this.positionAt(range2.start), end: this.positionAt(range2.end) };
  }
};
var SourceNode = class {
  get loc() {
    return this.source.locate(this.range);
  }
  /** The node's text exactly as written. */
  get text() {
    const { start, end } = this.range;
    return this.source.text.slice(start, end);
  }
};
var SpanNode = class extends SourceNode {
  constructor(source, range2) {
    super();
    this.source = source;
    this.range = range2;
  }
};
var Word2 = class extends SpanNode {
  /** A `"` appears in the word: its value differs from its raw text. */
  get quoted() {
    return this.text.includes('"');
  }
  /** The word as written, quotes and escapes included. */
  get raw() {
    return this.text;
  }
  /** The word as iptables sees it: quotes removed, escapes resolved. */
  get value() {
    return this.quoted ? decodeWord(this.text) : this.text;
  }
};
var InlineValueWord = class extends Word2 {
  constructor(source, range2, decoded) {
    super(source, range2);
    this.decoded = decoded;
  }
  get value() {
    return this.decoded;
  }
};
var OptionNode = class extends SpanNode {
  constructor(source, range2, role, optionWord, name, bang, intrapositioned, values2) {
    super(source, range2);
    this.role = role;
    this.optionWord = optionWord;
    this.name = name;
    this.bang = bang;
    this.intrapositioned = intrapositioned;
    this.values = values2;
  }
  get negated() {
    return this.bang !== null;
  }
  /** The first value as iptables sees it, or null. */
  get value() {
    return this.values.length ? this.values[0].value : null;
  }
};
var MatchNode = class extends SpanNode {
  constructor(source, range2, name, matchOption, options) {
    super(source, range2);
    this.name = name;
    this.matchOption = matchOption;
    this.options = options;
  }
  /** Options given with no `-m` before them (`-p tcp --dport 80`): iptables loads the
   * protocol's match on its own. */
  get implicit() {
    return this.matchOption === null;
  }
  option(...names2) {
    return this.options.find((o) => names2.includes(o.name));
  }
};
var TargetNode = class extends SpanNode {
  constructor(source, range2, kind, name, targetOption, options) {
    super(source, range2);
    this.kind = kind;
    this.name = name;
    this.targetOption = targetOption;
    this.options = options;
  }
  option(...names2) {
    return this.options.find((o) => names2.includes(o.name));
  }
};
var CountersNode = class extends SpanNode {
  constructor(source, range2, packets, bytes, form) {
    super(source, range2);
    this.packets = packets;
    this.bytes = bytes;
    this.form = form;
  }
  get valid() {
    return this.packets !== null && this.bytes !== null;
  }
};
function bracketCounters(word) {
  const match = /^\[([^:\]]*):([^\]]*)\]$/.exec(word.raw);
  return new CountersNode(
    word.source,
    word.range,
    match ? parseCounter(match[1]) : null,
    match ? parseCounter(match[2]) : null,
    "prefix"
  );
}
var genericNames = {
  "-s": "source",
  "--source": "source",
  "--src": "source",
  "-d": "destination",
  "--destination": "destination",
  "--dst": "destination",
  "-i": "inInterface",
  "--in-interface": "inInterface",
  "-o": "outInterface",
  "--out-interface": "outInterface",
  "-p": "protocol",
  "--protocol": "protocol",
  "-f": "fragment",
  "--fragment": "fragment",
  "--fragments": "fragment"
};
var genericNameOf = (option2) => genericNames[option2];
var RuleNode = class extends SpanNode {
  constructor(source, range2, elements, generic, matches, target, counters) {
    super(source, range2);
    this.elements = elements;
    this.generic = generic;
    this.matches = matches;
    this.target = target;
    this.counters = counters;
  }
  /** The generic option with this meaning (the last one if repeated), or undefined. */
  genericOption(name) {
    for (let i = this.generic.length - 1; i >= 0; i--) {
      if (genericNameOf(this.generic[i].name) === name) return this.generic[i];
    }
    return void 0;
  }
  /** Match modules with this name (`-m mark`, `-m comment`), in order. */
  matchesNamed(name) {
    return this.matches.filter((m) => m.name === name);
  }
};
var commandKinds = {
  [5 /* Append */]: "append",
  [6 /* Insert */]: "insert",
  [7 /* Delete */]: "delete",
  [8 /* Replace */]: "replace",
  [9 /* NewChain */]: "new-chain",
  [10 /* DeleteChain */]: "delete-chain",
  [11 /* Flush */]: "flush",
  [12 /* Zero */]: "zero",
  [13 /* RenameChain */]: "rename-chain",
  [14 /* Policy */]: "policy",
  [15 /* OtherCommand */]: "other"
};
var ruleCommands = /* @__PURE__ */ new Set(["append", "insert", "delete", "replace"]);
var LineNodeBase = class extends SourceNode {
  constructor(source, index) {
    super();
    this.source = source;
    this.index = index;
  }
  get range() {
    const { lineStarts, contentEnds } = this.source.lexed;
    return { start: lineStarts[this.index], end: contentEnds[this.index] };
  }
  /** The line's end: "\n", "\r\n", or "" for a last line without one. */
  get eol() {
    const { lineStarts, contentEnds } = this.source.lexed;
    return this.source.text.slice(contentEnds[this.index], lineStarts[this.index + 1]);
  }
  /** The line's words as the lexer split them. */
  get words() {
    const { firstTokens } = this.source.lexed;
    return new LineWords(this.source, firstTokens[this.index], firstTokens[this.index + 1] - firstTokens[this.index]);
  }
};
var LineWords = class {
  constructor(source, first2, count) {
    this.source = source;
    this.first = first2;
    this.count = count;
  }
  word(index) {
    const tokens = this.source.lexed.tokens;
    const t = this.first + index;
    return new Word2(this.source, { start: tokens.starts[t], end: tokens.ends[t] });
  }
  code(index) {
    return this.source.lexed.tokens.codes[this.first + index];
  }
  words(from, to) {
    const out = [];
    for (let i = from; i < to; i++) out.push(this.word(i));
    return out;
  }
};
var BlankLine = class extends LineNodeBase {
  constructor() {
    super(...arguments);
    this.kind = "blank";
  }
};
var CommentLine = class extends LineNodeBase {
  constructor() {
    super(...arguments);
    this.kind = "comment";
  }
};
var InvalidLine = class extends LineNodeBase {
  constructor() {
    super(...arguments);
    this.kind = "invalid";
  }
};
var TableHeaderLine = class extends LineNodeBase {
  constructor(source, index, header, extra) {
    super(source, index);
    this.header = header;
    this.extra = extra;
    this.kind = "table";
  }
  get name() {
    return this.header.value.slice(1);
  }
};
var ChainDeclaration = class extends LineNodeBase {
  constructor(source, index, name, plan) {
    super(source, index);
    this.name = name;
    this.plan = plan;
    this.kind = "chain";
  }
  get header() {
    return this.words.word(this.plan.head);
  }
  /** `ACCEPT`, `DROP` or `-` for a user chain; null when missing. */
  get policyWord() {
    return this.plan.policy === -1 ? null : this.words.word(this.plan.policy);
  }
  get policy() {
    return this.policyWord?.value ?? null;
  }
  get counters() {
    return this.plan.counters === -1 ? null : bracketCounters(this.words.word(this.plan.counters));
  }
  /** Words after the declaration, which iptables-restore ignores. */
  get extra() {
    const words2 = this.words;
    return words2.words(this.plan.extraStart, words2.count);
  }
};
var CommitLine = class extends LineNodeBase {
  constructor() {
    super(...arguments);
    this.kind = "commit";
  }
  get word() {
    return this.words.word(0);
  }
};
var CommandLine = class extends LineNodeBase {
  constructor(source, index, table, plan) {
    super(source, index);
    this.table = table;
    this.plan = plan;
    this.kind = "command";
  }
  /** What the command does: `append` for `-A`, ... */
  get command() {
    const { firstTokens, tokens } = this.source.lexed;
    return commandKindOf(tokens.codes[firstTokens[this.index] + this.plan.head]);
  }
  /** The chain the command works on (its first argument, decoded), or null. */
  get chain() {
    if (this.chainName === void 0) {
      const { plan } = this;
      if (plan.positionalEnd > plan.head + 1) {
        const { firstTokens, tokens } = this.source.lexed;
        const t = firstTokens[this.index] + plan.head + 1;
        const raw = this.source.text.slice(tokens.starts[t], tokens.ends[t]);
        this.chainName = tokens.codes[t] === 24 /* QuotedWord */ ? decodeWord(raw) : raw;
      } else {
        this.chainName = null;
      }
    }
    return this.chainName;
  }
  get commandWord() {
    return this.words.word(this.plan.head);
  }
  get chainWord() {
    return this.plan.positionalEnd > this.plan.head + 1 ? this.words.word(this.plan.head + 1) : null;
  }
  /** Every argument of the command before its first option (chain, rule number, policy, ...). */
  get positional() {
    return this.words.words(this.plan.head + 1, this.plan.positionalEnd);
  }
  /** The prefix `[p:b]`, if any. */
  get prefixCounters() {
    return this.plan.counters === -1 ? null : bracketCounters(this.words.word(this.plan.counters));
  }
  /** The rule of `-A`, `-I`, `-R` and `-D` (for `-D CHAIN n`, an empty rule). */
  get rule() {
    if (this.ruleNode === void 0) {
      this.ruleNode = ruleCommands.has(this.command) ? buildRule(this) : null;
    }
    return this.ruleNode;
  }
  /**
   * The rule's target (`-j NAME` or `-g NAME`, the last one when repeated), read from the
   * tokens without building the rule: rules that look at every jump of a quarter of a million
   * lines use this. Null when there is none.
   */
  get target() {
    const span = readTarget(this.source.lexed, this.index);
    if (span === null) return null;
    const name = targetName(this.source.text, span);
    const range2 = { start: span.start, end: span.end };
    const word = span.optionStart !== -1 && span.quoted ? new InlineValueWord(this.source, range2, name) : new Word2(this.source, range2);
    return { kind: span.kind, name, word };
  }
  /** The options, in order: those written before the command (`-p tcp -A X ...`), then those after its arguments. */
  get elements() {
    return buildElements(this);
  }
  /** The line's elements and target read from the tokens, with no node made per option. */
  get view() {
    return new LineView(this);
  }
};
var Table = class {
  constructor(name, header) {
    this.name = name;
    this.header = header;
    this.commit = null;
    /** The first and last of its chain declarations (0-based; -1 without any) and how many. */
    this.firstChain = -1;
    this.lastChain = -1;
    this.chainCount = 0;
    /** The first and last of its command lines (0-based; -1 without commands) and how many. */
    this.firstCommand = -1;
    this.lastCommand = -1;
    this.commandCount = 0;
    /** Bit `code` set: a command with that token code (`-A`, `-I`, ...) is in the table. */
    this.commandCodes = 0;
  }
  /** Its chain declarations (`:NAME POLICY`), in order (their nodes are made on first use). */
  get chains() {
    return this.chainList ??= this.linesBetween(this.firstChain, this.lastChain, this.chainCount, (line) => line.kind === "chain");
  }
  /** Its commands, in order (their nodes are made on first use). */
  get commands() {
    return this.commandList ??= this.linesBetween(
      this.firstCommand,
      this.lastCommand,
      this.commandCount,
      (line) => line.kind === "command" && line.table === this
    );
  }
  /** The lines from `first` to `last` that `keep` takes. */
  linesBetween(first2, last2, count, keep) {
    const found = [];
    if (this.lineAt === void 0 || count === 0) return found;
    for (let i = first2; i <= last2; i++) {
      const line = this.lineAt(i);
      if (keep(line)) found.push(line);
    }
    return found;
  }
  /** Whether some command of the table is of this kind, without making the command nodes. */
  uses(kind) {
    for (const code of commandCodesOf(kind)) if ((this.commandCodes & 1 << code) !== 0) return true;
    return false;
  }
  /** The document builder's: records command line `index` with token code `code`. */
  addCommand(index, code) {
    if (this.firstCommand === -1) this.firstCommand = index;
    this.lastCommand = index;
    this.commandCount++;
    this.commandCodes |= 1 << code;
  }
  /** The document builder's: records chain declaration line `index`. */
  addChain(index) {
    if (this.firstChain === -1) this.firstChain = index;
    this.lastChain = index;
    this.chainCount++;
  }
  /** The document builder's: where the table finds its lines. */
  attach(lineAt2) {
    this.lineAt = lineAt2;
  }
  /** The chain declaration with this name, if any. */
  chain(name) {
    return this.chains.find((c) => c.name === name);
  }
  /** The commands that work on this chain, in order. */
  commandsFor(chain) {
    return this.commands.filter((c) => c.chain === chain);
  }
};
var commandKindOf = (code) => commandKinds[code] ?? "other";
function commandCodesOf(kind) {
  const codes = [];
  for (let code = 0; code < 32; code++) {
    if (code >= 5 /* Append */ && code <= 15 /* OtherCommand */ && commandKindOf(code) === kind) codes.push(code);
  }
  return codes;
}
function buildElements(line) {
  const { source } = line;
  const view = line.view;
  const out = [];
  for (let i = 0; i < view.count; i++) {
    const optionWord = new Word2(source, view.optionRange(i));
    const bangRange = view.bangRange(i);
    const bang = bangRange === null ? null : new Word2(source, bangRange);
    const values2 = [];
    for (let k = 0, range2 = view.valueRange(i, 0); range2 !== null; range2 = view.valueRange(i, ++k)) values2.push(new Word2(source, range2));
    let name = optionWord.value;
    const inline = inlineValue(name);
    if (inline !== null) {
      name = name.slice(0, name.indexOf("="));
      const at = optionWord.range.start + optionWord.raw.indexOf("=") + 1;
      values2.unshift(new InlineValueWord(source, { start: at, end: optionWord.range.end }, inline));
    }
    out.push(new OptionNode(source, view.range(i), view.role(i), optionWord, name, bang, view.lateBang(i), values2));
  }
  return out;
}
function buildRule(line) {
  const { source } = line;
  const elements = buildElements(line);
  const generic = [];
  const matches = [];
  let target = null;
  let counters = line.prefixCounters;
  let owner2 = null;
  const owners2 = [];
  let protocol = null;
  for (const element2 of elements) {
    const role = element2.role;
    if (role === "generic") {
      generic.push(element2);
      if (genericNameOf(element2.name) === "protocol") protocol = element2.value;
    } else if (role === "match") {
      owner2 = { matchOption: element2, options: [], isTarget: false };
      owners2.push(owner2);
    } else if (role === "jump" || role === "goto") {
      owner2 = { matchOption: element2, options: [], isTarget: true };
      owners2.push(owner2);
    } else if (role === "counters") {
      const [packets, bytes] = element2.values;
      counters = new CountersNode(
        source,
        element2.range,
        packets ? parseCounter(packets.value) : null,
        bytes ? parseCounter(bytes.value) : null,
        "option"
      );
    } else {
      if (owner2 === null) {
        owner2 = { matchOption: null, options: [], isTarget: false };
        owners2.push(owner2);
      }
      owner2.options.push(element2);
    }
  }
  for (const o of owners2) {
    const last2 = o.options.length ? o.options[o.options.length - 1] : o.matchOption;
    const start = o.matchOption ? o.matchOption.range.start : o.options[0].range.start;
    const range2 = { start, end: last2.range.end };
    if (o.isTarget) {
      const option2 = o.matchOption;
      target = new TargetNode(
        source,
        range2,
        option2.role === "goto" ? "goto" : "jump",
        option2.value ?? "",
        option2,
        o.options
      );
    } else {
      matches.push(new MatchNode(source, range2, o.matchOption ? o.matchOption.value ?? "" : protocol, o.matchOption, o.options));
    }
  }
  const first2 = elements.length ? elements[0].range.start : line.commandWord.range.end;
  const end = elements.length ? elements[elements.length - 1].range.end : first2;
  return new RuleNode(source, { start: first2, end }, elements, generic, matches, target, counters);
}

// grammar/parser.ts
var LineParser = class extends CstParser {
  constructor() {
    super([...allTokenTypes], {
      // One token of lookahead everywhere but the late `!`, which needs two.
      maxLookahead: 2,
      recoveryEnabled: false,
      // Validations cost start-up time on every run; tests turn them on.
      skipValidations: process.env.IPTLINT_DEV !== "1"
    });
    this.line = this.RULE("line", () => {
      this.OR([
        { ALT: () => this.SUBRULE(this.tableLine) },
        { ALT: () => this.SUBRULE(this.chainLine) },
        { ALT: () => this.SUBRULE(this.commitLine) },
        { ALT: () => this.SUBRULE(this.commandLine) }
      ]);
    });
    this.tableLine = this.RULE("tableLine", () => {
      this.CONSUME(TableHeader);
      this.MANY(() => this.CONSUME(AnyWord, { LABEL: "extra" }));
    });
    this.chainLine = this.RULE("chainLine", () => {
      this.CONSUME(ChainDecl);
      this.OPTION(() => this.CONSUME(AnyValue, { LABEL: "policy" }));
      this.OPTION2(() => this.CONSUME(Counters));
      this.MANY(() => this.CONSUME(AnyWord, { LABEL: "extra" }));
    });
    this.commitLine = this.RULE("commitLine", () => {
      this.CONSUME(Commit);
    });
    this.commandLine = this.RULE("commandLine", () => {
      this.OPTION(() => this.CONSUME(Counters));
      this.MANY(() => this.SUBRULE(this.element));
      this.CONSUME(AnyCommand);
      this.MANY2(() => this.CONSUME(AnyValue, { LABEL: "positional" }));
      this.MANY3(
        () => this.OR([
          { ALT: () => this.SUBRULE2(this.element) },
          // A second command, which iptables refuses but for `-Z` with `-L` or `-S`: the plan decides.
          {
            ALT: () => {
              this.CONSUME2(AnyCommand, { LABEL: "extraCommand" });
              this.MANY4(() => this.CONSUME2(AnyValue, { LABEL: "extraPositional" }));
            }
          }
        ])
      );
    });
    this.element = this.RULE("element", () => {
      this.OPTION(() => this.CONSUME(Bang, { LABEL: "bang" }));
      this.CONSUME(AnyRuleOption);
      this.OPTION2({
        GATE: () => tokenMatcher(this.LA(2), AnyValue),
        DEF: () => this.CONSUME2(Bang, { LABEL: "lateBang" })
      });
      this.MANY(() => this.CONSUME(AnyValue, { LABEL: "value" }));
    });
    this.performSelfAnalysis();
  }
};
var parser;
function parseLine(types) {
  parser ??= new LineParser();
  const tokens = types.map((tokenType, index) => ({
    image: tokenType.name,
    startOffset: index,
    endOffset: index,
    tokenType,
    tokenTypeIdx: tokenType.tokenTypeIdx
  }));
  parser.input = tokens;
  const cst = parser.line();
  const error = parser.errors[0];
  if (!error) return { cst, errorToken: -1, errorName: null };
  const at = error.token.tokenType === EOF ? types.length : error.token.startOffset;
  return { cst: void 0, errorToken: at, errorName: error.name };
}

// grammar/plan.ts
var isLineError = (result) => "error" in result;
var MAX_CACHED_PLANS = 2e4;
var cache = /* @__PURE__ */ new Map();
var cachedCount = 0;
function planLine(codes, from, to) {
  let hash = to - from;
  for (let i = from; i < to; i++) hash = Math.imul(hash, 31) + codes[i] | 0;
  let bucket = cache.get(hash);
  if (bucket !== void 0) {
    for (const entry of bucket) {
      if (sameCodes(entry.codes, codes, from, to)) return entry.plan;
    }
  }
  const lineCodes = codes.slice(from, to);
  const plan = computePlan(lineCodes);
  if (cachedCount >= MAX_CACHED_PLANS) {
    cache.clear();
    cachedCount = 0;
    bucket = void 0;
  }
  if (bucket === void 0) cache.set(hash, bucket = []);
  bucket.push({ codes: lineCodes, plan });
  cachedCount++;
  return plan;
}
function sameCodes(cached, codes, from, to) {
  if (cached.length !== to - from) return false;
  for (let i = from; i < to; i++) if (cached[i - from] !== codes[i]) return false;
  return true;
}
function computePlan(codes) {
  const result = parseLine(Array.from(codes, (code) => tokenTypeOf[code]));
  if (result.cst === void 0) return classifyError(codes, result.errorToken);
  const line = firstChild(result.cst);
  const children = line.children;
  switch (line.name) {
    case "tableLine":
      return simplePlan(0 /* Table */, codes.length, children.extra);
    case "commitLine":
      return simplePlan(2 /* Commit */, codes.length);
    case "chainLine": {
      const plan = simplePlan(1 /* Chain */, codes.length, children.extra);
      plan.policy = indexOf2(children.policy);
      plan.counters = indexOf2(children.Counters);
      return plan;
    }
    default:
      return commandPlan(children, codes);
  }
}
function simplePlan(shape2, count, extra) {
  return {
    shape: shape2,
    head: 0,
    counters: -1,
    policy: -1,
    positionalEnd: -1,
    extraStart: extra ? indexOf2(extra) : count,
    elements: new Int32Array(0),
    doubleBang: -1,
    tableOptions: [],
    targetElements: []
  };
}
function commandPlan(children, codes) {
  const head2 = indexOf2(children.AnyCommand);
  for (const extra of children.extraCommand ?? []) {
    const pair = [codes[head2], codes[extra.startOffset]].sort().join();
    if (pair !== [12 /* Zero */, 15 /* OtherCommand */].sort().join()) return { error: 8 /* MultipleCommands */, token: extra.startOffset };
  }
  const positional = children.positional ?? [];
  const elementNodes = children.element ?? [];
  const elements = new Int32Array(elementNodes.length * 4);
  elementNodes.forEach((node, i) => {
    const c = node.children;
    const option2 = indexOf2(c.AnyRuleOption);
    const lateBang = indexOf2(c.lateBang);
    const values2 = c.value ?? [];
    elements[i * 4] = indexOf2(c.bang);
    elements[i * 4 + 1] = option2;
    elements[i * 4 + 2] = lateBang;
    elements[i * 4 + 3] = values2.length ? values2[values2.length - 1].startOffset + 1 : Math.max(option2, lateBang) + 1;
  });
  return {
    shape: 3 /* Command */,
    head: head2,
    counters: indexOf2(children.Counters),
    policy: -1,
    positionalEnd: positional.length ? positional[positional.length - 1].startOffset + 1 : head2 + 1,
    extraStart: codes.length,
    elements,
    doubleBang: doubleBangOf(elements),
    tableOptions: elementNodes.map((_, i) => elements[i * 4 + 1]).filter((option2) => codes[option2] === 20 /* TableOption */),
    targetElements: elementNodes.map((_, i) => i).filter((i) => isTargetCode(codes[elements[i * 4 + 1]]))
  };
}
var isTargetCode = (code) => code === 17 /* JumpOption */ || code === 18 /* GotoOption */;
function doubleBangOf(elements) {
  for (let i = 0; i < elements.length; i += 4) if (elements[i] !== -1 && elements[i + 2] !== -1) return elements[i + 2];
  return -1;
}
function firstChild(node) {
  return Object.values(node.children)[0][0];
}
function indexOf2(tokens) {
  return tokens && tokens.length ? tokens[0].startOffset : -1;
}
function classifyError(codes, at) {
  if (codes[0] === 2 /* Commit */) return { error: 4 /* TextAfterCommit */, token: at };
  const bang = at > 0 && codes[at - 1] === 4 /* Bang */ ? at - 1 : codes[at] === 4 /* Bang */ ? at : -1;
  if (bang !== -1 && codes[bang + 1] >= 5 /* Append */ && codes[bang + 1] <= 15 /* OtherCommand */) return { error: 6 /* BangBeforeCommand */, token: bang };
  if (bang !== -1) {
    const error = codes[bang + 1] === 4 /* Bang */ ? 2 /* MultipleBangs */ : 3 /* BangWithoutOption */;
    return { error, token: bang };
  }
  const options = codes.findIndex(isRuleOptionCode);
  if (at === codes.length && options !== -1) return { error: 7 /* NoCommand */, token: options };
  if (codes[0] === 3 /* Counters */ && at > 0) return { error: 1 /* NoCommandAfterCounters */, token: at };
  return { error: 0 /* NotACommand */, token: at };
}

// grammar/diagnostics.ts
var SYNTAX = "syntax";
function syntaxError(source, range2, message5) {
  return { ruleId: SYNTAX, severity: "error", message: message5, range: range2, loc: source.locate(range2) };
}
function quote(text) {
  const shown3 = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `\`${shown3.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}\``;
}
function lexErrorMessage(error, text) {
  const word = text.slice(error.start, error.end);
  switch (error.kind) {
    case 0 /* UnterminatedQuote */:
      return 'unterminated quote: the `"` here is never closed, so iptables-restore takes the rest of the line as one argument and the options in it are lost';
    case 1 /* WordTooLong */:
      return `argument is ${Buffer.byteLength(word)} bytes long: iptables accepts at most ${MAX_WORD_LENGTH} ("Parameter too long!")`;
    case 2 /* TooManyWords */:
      return `more than ${MAX_WORDS_PER_LINE} arguments on one line: iptables-restore refuses it ("Parser cannot handle more arguments")`;
    case 3 /* NulByte */:
      return "NUL byte: iptables-restore reads lines as C strings and stops reading this line here";
    case 5 /* IndentedHead */:
      return `indented ${quote(word)}: iptables-restore takes the line for a command and refuses it`;
    case 6 /* BlanksOnly */:
      return 'a line of only spaces or tabs: iptables-restore skips empty lines only, and refuses this one ("no command specified")';
    case 7 /* MissingValue */:
      return `${quote(word)} has no value: iptables takes the next word, ${quote(nextWord(text, error.end))}, as its value and refuses the line`;
    case 8 /* MissingValueAtEnd */:
      return `${quote(word)} has no value: iptables refuses the line ("option "${word}" requires an argument")`;
    case 4 /* IndentedComment */:
      return "indented comment: only a `#` in the first column starts a comment; iptables-restore reads this line as a command and refuses it";
  }
}
function nextWord(text, from) {
  const rest = /^[ \t]*([^ \t\r\n]*)/.exec(text.slice(from, from + 200));
  return rest ? rest[1] : "";
}
function targetWithoutNameMessage(option2) {
  return `${quote(option2)} has no target after it: iptables refuses the line ("option "${option2}" requires an argument")`;
}
var commandLetter = (word) => LONG_COMMANDS[word] ?? word;
var LONG_COMMANDS = {
  "--append": "-A",
  "--insert": "-I",
  "--delete": "-D",
  "--replace": "-R",
  "--new-chain": "-N",
  "--new": "-N",
  "--delete-chain": "-X",
  "--flush": "-F",
  "--zero": "-Z",
  "--rename-chain": "-E",
  "--policy": "-P",
  "--check": "-C",
  "--list": "-L",
  "--list-rules": "-S"
};
function secondCommandMessage(second, first2) {
  return `a second command, ${quote(second)}: a line has one, and iptables refuses it ("Cannot use ${commandLetter(second)} with ${commandLetter(first2)}")`;
}
function lineErrorMessage(kind, word) {
  switch (kind) {
    case 0 /* NotACommand */:
      if (word === null) return "empty line";
      return `${quote(word)} is not a command: expected a \`#\` comment, \`*table\`, \`:CHAIN POLICY\`, \`COMMIT\` or \`-A CHAIN ...\``;
    case 1 /* NoCommandAfterCounters */:
      return word === null ? "counters with no command after them: expected `[packets:bytes] -A CHAIN ...`" : `${quote(word)} after the counters is not a command: expected \`[packets:bytes] -A CHAIN ...\``;
    case 2 /* MultipleBangs */:
      return "multiple `!` flags: an option can be negated once";
    case 3 /* BangWithoutOption */:
      return word === null ? "`!` at the end of the line: it must be followed by the option it negates" : `\`!\` must be followed by the option it negates, not ${quote(word)}`;
    case 4 /* TextAfterCommit */:
      return "COMMIT must stand alone on its line: iptables-restore reads this line as a command and refuses it";
    case 6 /* BangBeforeCommand */:
      return "`!` negates an option, not a command: iptables refuses the line (\"unexpected '!' flag\")";
    case 7 /* NoCommand */:
      return 'options but no command: a rule line needs one, such as `-A CHAIN` (iptables: "no command specified")';
    case 8 /* MultipleCommands */:
      return `a second command, ${quote(word ?? "")}: a line has one, and iptables refuses the line ("Cannot use ...")`;
    case 5 /* MultipleTargets */:
      return `a second target (${quote(word ?? "")}): a rule has one \`-j\` or \`-g\`, and iptables refuses the line ("multiple -j flags not allowed")`;
  }
}

// grammar/to-ast.ts
function buildDocument(lexed, filePath, initial = []) {
  const source = new Source(lexed.text, lexed, filePath);
  const builder = new DocumentBuilder(source);
  builder.diagnostics.push(...initial);
  builder.build();
  const lines = new Lines(source, builder.slots, builder.tables, builder.form);
  for (const table of builder.tables) table.attach((index) => lines.line(index));
  return {
    source,
    text: lexed.text,
    filePath,
    form: builder.form,
    get lines() {
      return lines.all();
    },
    line: (index) => lines.line(index),
    kindOf: (index) => lines.kindOf(index),
    commandPlan: (index) => lines.commandPlan(index),
    tables: builder.tables,
    diagnostics: builder.diagnostics.sort((a, b) => a.range.start - b.range.start),
    openQuotes: builder.openQuotes
  };
}
var Lines = class {
  constructor(source, slots, tables, form) {
    this.source = source;
    this.slots = slots;
    this.tables = tables;
    this.form = form;
  }
  line(index) {
    const slot = this.slots[index];
    if (slot instanceof LineNodeBase) return slot;
    if (!(index >= 0 && index < this.slots.length)) throw new RangeError(`no line ${index}: the document has ${this.slots.length}`);
    let node;
    if (slot === null) node = this.uncommand(index);
    else if (slot.shape === 1 /* Chain */) node = this.declaration(index, slot);
    else node = new CommandLine(this.source, index, this.tableOf(index), slot);
    this.slots[index] = node;
    return node;
  }
  kindOf(index) {
    const slot = this.slots[index];
    if (slot instanceof LineNodeBase) return slot.kind;
    if (!(index >= 0 && index < this.slots.length)) throw new RangeError(`no line ${index}: the document has ${this.slots.length}`);
    if (slot === null) return this.source.lexed.lineKinds[index] === 0 /* Blank */ ? "blank" : "comment";
    return slot.shape === 1 /* Chain */ ? "chain" : "command";
  }
  commandPlan(index) {
    const slot = this.slots[index];
    if (slot instanceof CommandLine) return slot.plan;
    if (slot === null || slot === void 0 || slot instanceof LineNodeBase) return null;
    return slot.shape === 3 /* Command */ ? slot : null;
  }
  all() {
    if (this.everything === void 0) {
      for (let i = 0; i < this.slots.length; i++) this.line(i);
      this.everything = this.slots;
    }
    return this.everything;
  }
  /** `:NAME POLICY`: the lexer reads a `:` word as a declaration only unquoted, so NAME is the word's rest as written. */
  declaration(index, plan) {
    const { firstTokens, tokens } = this.source.lexed;
    const t = firstTokens[index] + plan.head;
    return new ChainDeclaration(this.source, index, this.source.text.slice(tokens.starts[t] + 1, tokens.ends[t]), plan);
  }
  uncommand(index) {
    return this.source.lexed.lineKinds[index] === 0 /* Blank */ ? new BlankLine(this.source, index) : new CommentLine(this.source, index);
  }
  /** The table a command line is in: the last one opened before it (a command outside a table is an invalid line). */
  tableOf(index) {
    const tables = this.tables;
    if (this.form === "rules") return tables[0];
    let low = 0;
    let high = tables.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (tables[mid].header.index < index) low = mid;
      else high = mid - 1;
    }
    return tables[low];
  }
};
var DocumentBuilder = class {
  constructor(source) {
    this.source = source;
    this.slots = [];
    this.openQuotes = [];
    this.tables = [];
    this.diagnostics = [];
    this.table = null;
    this.invalidLines = /* @__PURE__ */ new Set();
    this.lexed = source.lexed;
    this.form = hasTableHeader(this.lexed) ? "restore" : "rules";
    if (this.form === "rules") {
      this.table = new Table(null, null);
      this.tables.push(this.table);
    }
    for (const error of this.lexed.errors) {
      if (error.kind === 0 /* UnterminatedQuote */) {
        this.openQuotes.push({ start: error.start, end: error.end });
        continue;
      }
      this.invalidLines.add(error.line);
      this.report({ start: error.start, end: error.end }, lexErrorMessage(error, source.text));
    }
  }
  build() {
    const { lineCount, lineKinds } = this.lexed;
    for (let line = 0; line < lineCount; line++) {
      const kind = lineKinds[line];
      if (kind === 2 /* Words */) this.wordsLine(line);
      else this.slots.push(null);
    }
    if (this.form === "restore" && this.table !== null) {
      const end = this.source.text.length;
      this.missingCommit(this.table, { start: end, end });
    }
  }
  wordsLine(line) {
    const first2 = this.lexed.firstTokens[line];
    const count = this.lexed.firstTokens[line + 1] - first2;
    if (this.invalidLines.has(line)) {
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    const plan = planLine(this.lexed.tokens.codes, first2, first2 + count);
    if (isLineError(plan)) {
      this.lineError(plan, new LineWords(this.source, first2, count));
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    switch (plan.shape) {
      case 0 /* Table */:
        return this.tableLine(line, plan);
      case 1 /* Chain */:
        return this.chainLine(line, first2, plan);
      case 2 /* Commit */:
        return this.commitLine(line);
      case 3 /* Command */:
        return this.commandLine(line, first2, plan);
    }
  }
  tableLine(line, plan) {
    const words2 = new LineWords(this.source, this.lexed.firstTokens[line], this.lexed.firstTokens[line + 1] - this.lexed.firstTokens[line]);
    const header = words2.word(plan.head);
    const node = new TableHeaderLine(this.source, line, header, words2.words(plan.extraStart, words2.count));
    this.slots.push(node);
    if (node.name === "") this.report(header.range, "table name missing after `*`: expected a name such as `*filter`");
    if (this.table !== null) this.missingCommit(this.table, node.range);
    this.table = new Table(node.name, node);
    this.tables.push(this.table);
  }
  chainLine(line, first2, plan) {
    this.slots.push(plan);
    const header = first2 + plan.head;
    const { starts, ends } = this.lexed.tokens;
    if (ends[header] - starts[header] === 1 || plan.policy === -1) {
      const name = this.source.text.slice(starts[header] + 1, ends[header]);
      if (name === "") this.report(this.tokenRange(header), "chain name missing after `:`: expected `:CHAIN POLICY [packets:bytes]`");
      if (plan.policy === -1 && plan.counters === -1) {
        this.report(
          this.tokenRange(header),
          `chain declaration without a policy: write \`:${name} - [0:0]\` for a user chain or give a built-in chain ACCEPT or DROP (iptables-restore: "policy invalid")`
        );
      }
    }
    if (plan.counters !== -1) this.checkCounters(first2 + plan.counters, "declaration", line);
    if (this.table === null || this.form === "rules") {
      const { lineStarts, contentEnds } = this.lexed;
      this.report({ start: lineStarts[line], end: contentEnds[line] }, "chain declaration outside a table: put it after a `*table` line such as `*filter`");
      return;
    }
    this.table.addChain(line);
  }
  commitLine(line) {
    const node = new CommitLine(this.source, line);
    if (node.text !== "COMMIT") {
      this.report(node.range, lineErrorMessage(4 /* TextAfterCommit */, null));
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    this.slots.push(node);
    if (this.table === null || this.form === "rules") {
      this.report(node.range, "COMMIT outside a table: there is no `*table` line open for it to commit");
      return;
    }
    this.table.commit = node;
    this.table = null;
  }
  commandLine(line, first2, plan) {
    const codes = this.lexed.tokens.codes;
    if (plan.counters !== -1) this.checkCounters(first2 + plan.counters, "rule", line);
    if (plan.doubleBang !== -1) {
      const node = new InvalidLine(this.source, line);
      this.report(this.tokenRange(first2 + plan.doubleBang), lineErrorMessage(2 /* MultipleBangs */, null));
      this.slots.push(node);
      return;
    }
    if (plan.targetElements.length > 0 && this.targetError(first2, plan)) {
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    for (const option2 of plan.tableOptions) {
      this.report(
        this.tokenRange(first2 + option2),
        "`-t` cannot be used on a line of a ruleset file: the table comes from the `*table` line (iptables-restore refuses the file)"
      );
    }
    const table = this.table;
    if (table === null) {
      const node = new InvalidLine(this.source, line);
      this.report(node.range, "command outside a table: put it between a `*table` line (such as `*filter`) and its COMMIT");
      this.slots.push(node);
      return;
    }
    this.slots.push(plan);
    table.addCommand(line, codes[first2 + plan.head]);
  }
  /**
   * Reports what iptables says of a rule's targets, reading them in order as it does: a `-j` or
   * `-g` with no name ("option "-j" requires an argument"), then a second one ("multiple -j
   * flags not allowed"). Whether any was reported.
   */
  targetError(first2, plan) {
    const { starts, ends } = this.lexed.tokens;
    for (let k = 0; k < plan.targetElements.length; k++) {
      const element2 = plan.targetElements[k] * 4;
      const token = first2 + plan.elements[element2 + 1];
      const option2 = decodeWord(this.source.text.slice(starts[token], ends[token]));
      const named = plan.elements[element2 + 3] > plan.elements[element2 + 1] + 1 || option2.startsWith("--") && option2.includes("=");
      if (!named) {
        this.report(this.tokenRange(token), targetWithoutNameMessage(option2));
        return true;
      }
      if (k > 0) {
        this.report(this.tokenRange(token), lineErrorMessage(5 /* MultipleTargets */, this.source.text.slice(starts[token], ends[token])));
        return true;
      }
    }
    return false;
  }
  tokenRange(token) {
    return { start: this.lexed.tokens.starts[token], end: this.lexed.tokens.ends[token] };
  }
  /** Counters iptables-restore -c refuses: a declaration's word, or a rule line from its `[`. */
  checkCounters(token, place, line) {
    const { starts, ends } = this.lexed.tokens;
    const refused = place === "declaration" ? declarationCountersRefused(this.source.text, starts[token], ends[token]) : ruleCountersRefused(this.source.text, starts[token], this.lexed.contentEnds[line]);
    if (refused) this.malformedCounters(this.tokenRange(token));
  }
  lineError(error, words2) {
    const at = error.token;
    const endOfLine = words2.word(words2.count - 1).range.end;
    const range2 = at < words2.count ? words2.word(at).range : { start: endOfLine, end: endOfLine };
    const strayBang = error.error === 3 /* BangWithoutOption */ || error.error === 2 /* MultipleBangs */;
    const shown3 = strayBang ? at + 1 : at;
    if (error.error === 8 /* MultipleCommands */) {
      let first2 = 0;
      while (first2 < at && !(words2.code(first2) >= 5 /* Append */ && words2.code(first2) <= 15 /* OtherCommand */)) first2++;
      this.report(range2, secondCommandMessage(decodeWord(words2.word(at).raw), decodeWord(words2.word(first2).raw)));
      return;
    }
    this.report(range2, lineErrorMessage(error.error, shown3 < words2.count ? words2.word(shown3).raw : null));
  }
  missingCommit(table, at) {
    const opened = table.header ? ` (opened at line ${table.header.index + 1})` : "";
    this.report(at, `missing COMMIT for table ${quote(table.name ?? "")}${opened}: iptables-restore applies none of it ("COMMIT expected")`);
  }
  malformedCounters(range2) {
    this.report(
      range2,
      `malformed counters ${quote(this.source.text.slice(range2.start, range2.end))}: iptables-restore -c refuses all but \`[packets:bytes]\`, two whole numbers`
    );
  }
  report(range2, message5) {
    this.diagnostics.push(syntaxError(this.source, range2, message5));
  }
};
function hasTableHeader(lexed) {
  const { firstTokens, tokens, lineKinds } = lexed;
  for (let line = 0; line < lexed.lineCount; line++) {
    if (lineKinds[line] === 2 /* Words */ && firstTokens[line + 1] > firstTokens[line]) {
      if (tokens.codes[firstTokens[line]] === 0 /* TableHeader */) return true;
    }
  }
  return false;
}

// grammar/parse.ts
var BINARY_SNIFF_LENGTH = 8e3;
function parse(text, options = {}) {
  const { filePath } = options;
  const nul = text.indexOf("\0");
  if (nul !== -1 && nul < BINARY_SNIFF_LENGTH) {
    const lexed = lex("");
    const source = new Source(text, lexed, filePath);
    const at = { start: nul, end: nul + 1 };
    const binary = syntaxError(source, at, "binary file: it has NUL bytes, so it is not an iptables ruleset");
    return { ...buildDocument(lexed, filePath, [{ ...binary, loc: locateInText(text, nul) }]), text, source };
  }
  const template = findTemplate(text);
  if (template !== null) {
    const lexed = lex("");
    const source = new Source(text, lexed, filePath);
    const at = { start: template.start, end: template.end };
    const message5 = `this looks like a template, not a ruleset (${quote(text.slice(at.start, at.end))}): render it first, then lint what it renders`;
    const finding = syntaxError(source, at, message5);
    return { ...buildDocument(lexed, filePath, [{ ...finding, loc: locateInText(text, at.start, at.end) }]), text, source };
  }
  return fromLexed(lex(text, { spareMemory: options.spareMemory }), filePath);
}
var TEMPLATE_OPENERS = [
  ["{{", /^\{\{[^\n]*?\}\}/],
  ["{%", /^\{%[^\n]*?%\}/],
  ["{#", /^\{#[^\n]*?#\}/],
  ["<%", /^<%[^\n]*?%>/],
  ["${", /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:#%/^,]?[^}\n]*)?\}/]
];
function findTemplate(text) {
  let found = null;
  for (const [open, close] of TEMPLATE_OPENERS) {
    for (let at = text.indexOf(open); at !== -1 && (found === null || at < found.start); at = text.indexOf(open, at + 1)) {
      const lineStart2 = text.lastIndexOf("\n", at) + 1;
      if (text.charCodeAt(lineStart2) === 35) continue;
      const match = close.exec(text.slice(at, at + 1e3));
      if (match) {
        found = { start: at, end: at + match[0].length };
        break;
      }
    }
  }
  return found;
}
function reparse(document, replacements, text) {
  const nul = text.indexOf("\0");
  if (document.source.lexed.lineCount === 0 || nul !== -1 && nul < BINARY_SNIFF_LENGTH) {
    return parse(text, { filePath: document.filePath });
  }
  return fromLexed(relex(document.source.lexed, replacements, text), document.filePath);
}
function fromLexed(lexed, filePath) {
  const text = lexed.text;
  const document = buildDocument(lexed, filePath);
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) {
    document.diagnostics.unshift(
      syntaxError(document.source, { start: 0, end: 1 }, "byte order mark at the start of the file: iptables-restore does not accept it")
    );
  }
  return document;
}
function locateInText(text, offset, end = offset + 1) {
  let line = 1;
  let lineStart2 = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart2 = i + 1;
  }
  const start = { line, column: offset - lineStart2 + 1, offset };
  return { start, end: { line, column: start.column + end - offset, offset: end } };
}
function detachedDocument(text, filePath, diagnostics) {
  const lexed = lineTable(text);
  const source = new Source(text, lexed, filePath);
  return {
    source,
    text,
    filePath,
    form: "restore",
    lines: [],
    line: (index) => {
      throw new RangeError(`no line ${index}: a detached document has no line nodes`);
    },
    kindOf: (index) => {
      throw new RangeError(`no line ${index}: a detached document has no line nodes`);
    },
    commandPlan: (index) => {
      throw new RangeError(`no line ${index}: a detached document has no line nodes`);
    },
    tables: [],
    diagnostics,
    openQuotes: []
  };
}

// grammar/print.ts
function print(document, options = {}) {
  const style = options.style ?? "preserve";
  if (document.source.lexed.lineCount === 0) return document.text;
  const parts = [];
  for (const line of document.lines) {
    const printed = printLine(line, style);
    parts.push(printed, style === "compact" ? compactEol(printed) : line.eol);
  }
  return parts.join("");
}
var compactEol = (printed) => printed.endsWith("\r") ? "\r\n" : "\n";
function printLine(line, style) {
  const text = line.source.text;
  switch (line.kind) {
    case "blank":
      return style === "compact" ? "" : line.text;
    case "comment":
    case "invalid":
      return style === "compact" ? line.text.trimEnd() : line.text;
    case "table":
      return joinWords([line.header, ...line.extra], line, style, text);
    case "chain": {
      const words2 = [line.header];
      if (line.policyWord) words2.push(line.policyWord);
      if (line.counters) words2.push(line.counters);
      return joinWords([...words2, ...line.extra], line, style, text);
    }
    case "commit":
      return joinWords([line.word], line, style, text);
    case "command":
      return joinWords(commandWords(line, style), line, style, text);
  }
}
function commandWords(line, style) {
  const words2 = line.words;
  const all = words2.words(0, words2.count);
  if (style !== "compact") return all;
  const { plan } = line;
  const first2 = plan.counters === 0 ? 1 : 0;
  const arity = optionArity.get(line.commandWord.value) ?? 0;
  if (plan.head === first2 || plan.positionalEnd - plan.head - 1 < arity) return all;
  if (opensQuote(all[all.length - 1].text)) return all;
  if (all[plan.head - 1].text === "!") return all;
  return [...all.slice(0, first2), ...all.slice(plan.head, plan.positionalEnd), ...all.slice(first2, plan.head), ...all.slice(plan.positionalEnd)];
}
function opensQuote(word) {
  let quoted = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (quoted && c === 92) i++;
    else if (c === 34) quoted = !quoted;
  }
  return quoted;
}
function joinWords(words2, line, style, text) {
  if (style === "compact") return words2.map((w) => w.text).join(" ");
  let out = "";
  let at = line.range.start;
  for (const word of words2) {
    out += text.slice(at, word.range.start) + word.text;
    at = word.range.end;
  }
  return out + text.slice(at, line.range.end);
}

// rules/netfilter/marks.ts
function markOptionEffect(option2, text) {
  switch (option2) {
    case "--set-xmark": {
      const vm = parseValueMask(text);
      return vm && { value: vm.value, mask: vm.mask };
    }
    case "--set-mark": {
      const vm = parseValueMask(text);
      return vm && { value: vm.value, mask: (vm.value | vm.mask) >>> 0 };
    }
    case "--or-mark": {
      const v = parseUint32(text);
      return v === null ? null : { value: v, mask: v };
    }
    case "--and-mark": {
      const v = parseUint32(text);
      return v === null ? null : { value: 0, mask: ~v >>> 0 };
    }
    case "--xor-mark": {
      const v = parseUint32(text);
      return v === null ? null : { value: v, mask: 0 };
    }
    default:
      return null;
  }
}
function markTest(text, negated) {
  const vm = parseValueMask(text);
  return vm === null ? null : { value: vm.value, mask: vm.mask, negated };
}

// rules/netfilter/matches.ts
var STATEFUL_MATCHES = /* @__PURE__ */ new Set(["statistic", "nth", "random", "limit", "hashlimit", "recent", "quota", "quota2", "connlimit"]);

// rules/netfilter/options.ts
var GENERIC_ADDRESS_OPTIONS = /* @__PURE__ */ new Set(["-s", "--source", "--src", "-d", "--destination", "--dst"]);
var NAT_ADDRESS_OPTIONS = /* @__PURE__ */ new Set(["--to-destination", "--to-source"]);
var RANGE_ADDRESS_OPTIONS = /* @__PURE__ */ new Set(["--src-range", "--dst-range"]);
var PLAIN_ADDRESS_OPTIONS = /* @__PURE__ */ new Set([
  "--to",
  "--gateway",
  "--on-ip",
  "--ctorigsrc",
  "--ctorigdst",
  "--ctreplsrc",
  "--ctrepldst",
  "--tunnel-src",
  "--tunnel-dst"
]);
var INTERFACE_OPTIONS = {
  in: ["-i", "--in-interface"],
  out: ["-o", "--out-interface"]
};
var FREE_TEXT_OPTIONS = /* @__PURE__ */ new Set(["--comment", "--log-prefix", "--nflog-prefix", "--ulog-prefix"]);
var GENERIC_MATCHES = new Map([
  ...["-s", "--source", "--src"].map((name) => [name, "source"]),
  ...["-d", "--destination", "--dst"].map((name) => [name, "destination"]),
  ...INTERFACE_OPTIONS.in.map((name) => [name, "in-interface"]),
  ...INTERFACE_OPTIONS.out.map((name) => [name, "out-interface"]),
  ...["-p", "--protocol"].map((name) => [name, "protocol"]),
  // `--fragment` is getopt's abbreviation of `--fragments`, which iptables-save never prints.
  ...["-f", "--fragment", "--fragments"].map((name) => [name, "fragment"])
]);
var genericMatchOf = (name) => GENERIC_MATCHES.get(name);

// rules/netfilter/places.ts
var ANYWHERE = { kind: "anywhere" };
var limited = (...limits) => ({ kind: "limited", limits });
var hooks = (...names2) => names2;
var INPUT_SIDE = hooks("PREROUTING", "INPUT", "FORWARD");
var OUTPUT_SIDE = hooks("FORWARD", "OUTPUT", "POSTROUTING");
var XT = (name) => ({ 4: `xt_${name}`, 6: `xt_${name}` });
var OWN_CHECK = { hooksCheckedInBuiltinOnlyByNft: true };
var BOTH = {
  owner: limited({ hooks: hooks("OUTPUT", "POSTROUTING"), logged: "x_tables" }),
  cgroup: limited({ hooks: hooks("INPUT", "OUTPUT", "POSTROUTING"), logged: "x_tables" }),
  socket: limited({ hooks: hooks("PREROUTING", "INPUT"), logged: "x_tables" }),
  mac: limited({ hooks: INPUT_SIDE, logged: "x_tables" }),
  // x_tables checks the match's hooks before the match checks its table: rpfilter in filter INPUT is refused for its hook.
  rpfilter: limited({ hooks: hooks("PREROUTING"), logged: "x_tables" }, { tables: ["raw", "mangle"], module: { 4: "ipt_rpfilter", 6: "ip6t_rpfilter" }, logged: "only valid in 'raw' or 'mangle' table, not '{table}'" }),
  addrtype: limited(
    { when: { options: ["--limit-iface-in"] }, hooks: INPUT_SIDE, module: XT("addrtype"), logged: "input interface limitation not valid in POSTROUTING and OUTPUT", ...OWN_CHECK },
    { when: { options: ["--limit-iface-out"] }, hooks: OUTPUT_SIDE, module: XT("addrtype"), logged: "output interface limitation not valid in PREROUTING and INPUT", ...OWN_CHECK }
  ),
  policy: limited(
    { when: { options: ["--dir"], value: "in" }, hooks: INPUT_SIDE, module: XT("policy"), logged: "input policy not valid in POSTROUTING and OUTPUT", ...OWN_CHECK },
    { when: { options: ["--dir"], value: "out" }, hooks: OUTPUT_SIDE, module: XT("policy"), logged: "output policy not valid in PREROUTING and INPUT", ...OWN_CHECK }
  ),
  devgroup: limited(
    { when: { options: ["--src-group"] }, hooks: INPUT_SIDE, logged: null, ...OWN_CHECK },
    { when: { options: ["--dst-group"] }, hooks: OUTPUT_SIDE, logged: null, ...OWN_CHECK }
  ),
  physdev: limited({
    when: { options: ["--physdev-out", "--physdev-is-out"], unless: "--physdev-is-bridged" },
    hooks: hooks("PREROUTING", "INPUT", "FORWARD", "POSTROUTING"),
    module: XT("physdev"),
    logged: "--physdev-out and --physdev-is-out only supported in the FORWARD and POSTROUTING chains with bridged traffic",
    ...OWN_CHECK
  }),
  ipvs: { kind: "unknown", why: "this kernel has no xt_ipvs" },
  nfacct: { kind: "unknown", why: "needs an accounting object made with nfacct(8)" }
};
var MATCHES_ANYWHERE = [
  "ah",
  "bpf",
  "cluster",
  "comment",
  "connbytes",
  "connlabel",
  "connlimit",
  "connmark",
  "conntrack",
  "cpu",
  "dccp",
  "dscp",
  "ecn",
  "esp",
  "hashlimit",
  "helper",
  "ipcomp",
  "iprange",
  "length",
  "limit",
  "mark",
  "multiport",
  "pkttype",
  "quota",
  "rateest",
  "recent",
  "sctp",
  "set",
  "state",
  "statistic",
  "string",
  "tcp",
  "tcpmss",
  "time",
  "tos",
  "u32",
  "udp"
];
var V4 = {
  osf: limited({ hooks: INPUT_SIDE, logged: "x_tables" }),
  realm: limited({ hooks: hooks("INPUT", "FORWARD", "OUTPUT", "POSTROUTING"), logged: "x_tables" }),
  icmp: ANYWHERE,
  ttl: ANYWHERE
};
var V6 = {
  eui64: limited({ hooks: INPUT_SIDE, logged: "x_tables" }),
  dst: ANYWHERE,
  frag: ANYWHERE,
  hbh: ANYWHERE,
  hl: ANYWHERE,
  icmp6: ANYWHERE,
  ipv6header: ANYWHERE,
  mh: ANYWHERE,
  rt: ANYWHERE,
  srh: ANYWHERE
};
var MATCH_PLACES = {
  4: { ...Object.fromEntries(MATCHES_ANYWHERE.map((name) => [name, ANYWHERE])), ...BOTH, ...V4 },
  6: { ...Object.fromEntries(MATCHES_ANYWHERE.map((name) => [name, ANYWHERE])), ...BOTH, ...V6 }
};
var PLACED_MATCHES = [...new Set([4, 6].flatMap((f) => Object.keys(MATCH_PLACES[f]).filter((m) => MATCH_PLACES[f][m].kind === "limited")))].sort();
var matchPlaces = (name, family) => MATCH_PLACES[family][name];
function limitHolds(limit, find2) {
  const when = limit.when;
  if (when === void 0) return true;
  const present = when.options.some((option2) => {
    const found = find2(option2);
    return found !== null && (when.value === void 0 || found.value === when.value);
  });
  if (!present) return false;
  if (when.unless === void 0) return true;
  const unless = find2(when.unless);
  return unless === null || unless.negated;
}
function placeRefusal(limit, match, table, used) {
  if (limit.logged === null) return null;
  if (limit.logged !== "x_tables") return limit.logged.replace("{table}", table);
  return `${match} match: used from hooks ${used.join("/")}, but only valid from ${limit.hooks.join("/")}`;
}

// rules/netfilter/extensions/data.ts
var EXTENSIONS = [
  {
    name: "addrtype",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [1] },
    sources: ["libxt_addrtype.c"],
    options: [
      { names: ["--src-type"], value: true, type: "STRING", invert: true },
      { names: ["--dst-type"], value: true, type: "STRING", invert: true },
      { names: ["--limit-iface-in"], value: false, type: "NONE", invert: false, excludes: ["--limit-iface-out"], in: ["4:1", "6:1"] },
      { names: ["--limit-iface-out"], value: false, type: "NONE", invert: false, excludes: ["--limit-iface-in"], in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "ah",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libip6t_ah.c", "libipt_ah.c"],
    implicitFor: ["ah"],
    needsProtocol: { "4": ["ah"] },
    options: [
      { names: ["--ahspi"], value: true, type: "UINT32RC", invert: true },
      { names: ["--ahlen"], value: true, type: "UINT32", invert: true, in: ["6:0"] },
      { names: ["--ahres"], value: false, type: "NONE", invert: false, in: ["6:0"] }
    ]
  },
  {
    name: "bpf",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_bpf.c"],
    options: [
      { names: ["--bytecode"], value: true, type: "STRING", invert: false },
      { names: ["--object-pinned"], value: true, type: "STRING", invert: false, size: 512, in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "cgroup",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1, 2], "6": [0, 1, 2] },
    sources: ["libxt_cgroup.c"],
    options: [
      { names: ["--cgroup"], value: true, type: "UINT32", invert: true, mandatory: true, in: ["4:0", "6:0"] },
      { names: ["--path"], value: true, type: "STRING", invert: true, size: 4096, in: ["4:1", "6:1"] },
      { names: ["--cgroup"], value: true, type: "UINT32", invert: true, in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--path"], value: true, type: "STRING", invert: true, size: 512, in: ["4:2", "6:2"] }
    ]
  },
  {
    name: "cluster",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_cluster.c"],
    options: [
      { names: ["--cluster-total-nodes"], value: true, type: "UINT32", invert: false, mandatory: true, min: 1, max: 32 },
      { names: ["--cluster-local-node"], value: true, type: "UINT32", invert: true, min: 1, max: 32, excludes: ["--cluster-local-nodemask"] },
      { names: ["--cluster-local-nodemask"], value: true, type: "UINT32", invert: true, min: 1, max: 32, excludes: ["--cluster-local-node"] },
      { names: ["--cluster-hash-seed"], value: true, type: "UINT32", invert: false, mandatory: true }
    ]
  },
  {
    name: "comment",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_comment.c"],
    options: [
      { names: ["--comment"], value: true, type: "STRING", invert: false, mandatory: true, size: 256 }
    ]
  },
  {
    name: "connbytes",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_connbytes.c"],
    options: [
      { names: ["--connbytes"], value: true, type: "UINT64RC", invert: true, mandatory: true },
      { names: ["--connbytes-dir"], value: true, type: "STRING", invert: false, mandatory: true },
      { names: ["--connbytes-mode"], value: true, type: "STRING", invert: false, mandatory: true }
    ]
  },
  {
    name: "connlabel",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_connlabel.c"],
    options: [
      { names: ["--label"], value: true, type: "STRING", invert: true, mandatory: true, min: 1 },
      { names: ["--set"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "connlimit",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_connlimit.c"],
    options: [
      { names: ["--connlimit-upto"], value: true, type: "UINT32", invert: true, excludes: ["--connlimit-above"] },
      { names: ["--connlimit-above"], value: true, type: "UINT32", invert: true, excludes: ["--connlimit-upto"] },
      { names: ["--connlimit-mask"], value: true, type: "PLENMASK", invert: false },
      { names: ["--connlimit-saddr"], value: false, type: "NONE", invert: false, excludes: ["--connlimit-daddr"] },
      { names: ["--connlimit-daddr"], value: false, type: "NONE", invert: false, excludes: ["--connlimit-saddr"] }
    ]
  },
  {
    name: "connmark",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_connmark.c"],
    options: [
      { names: ["--mark"], value: true, type: "MARKMASK32", invert: true, mandatory: true }
    ]
  },
  {
    name: "conntrack",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3], "6": [1, 2, 3] },
    sources: ["libxt_conntrack.c"],
    options: [
      { names: ["--ctstate"], value: true, type: "STRING", invert: true },
      { names: ["--ctproto"], value: true, type: "PROTOCOL", invert: true },
      { names: ["--ctorigsrc"], value: true, type: "HOST", invert: true, in: ["4:0"] },
      { names: ["--ctorigdst"], value: true, type: "HOST", invert: true, in: ["4:0"] },
      { names: ["--ctreplsrc"], value: true, type: "HOST", invert: true, in: ["4:0"] },
      { names: ["--ctrepldst"], value: true, type: "HOST", invert: true, in: ["4:0"] },
      { names: ["--ctstatus"], value: true, type: "STRING", invert: true },
      { names: ["--ctexpire"], value: true, type: "UINT32RC", invert: true },
      { names: ["--ctorigsrc"], value: true, type: "HOSTMASK", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctorigdst"], value: true, type: "HOSTMASK", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctreplsrc"], value: true, type: "HOSTMASK", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctrepldst"], value: true, type: "HOSTMASK", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctorigsrcport"], value: true, type: "PORTRC", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctorigdstport"], value: true, type: "PORTRC", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctreplsrcport"], value: true, type: "PORTRC", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctrepldstport"], value: true, type: "PORTRC", invert: true, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--ctdir"], value: true, type: "STRING", invert: false, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] }
    ]
  },
  {
    name: "cpu",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_cpu.c"],
    options: [
      { names: ["--cpu"], value: true, type: "UINT32", invert: true, mandatory: true }
    ]
  },
  {
    name: "dccp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_dccp.c"],
    implicitFor: ["dccp"],
    needsProtocol: { "4": ["dccp"], "6": ["dccp"] },
    options: [
      { names: ["--source-port", "--sport"], value: true, type: "PORTRC", invert: true },
      { names: ["--destination-port", "--dport"], value: true, type: "PORTRC", invert: true },
      { names: ["--dccp-types"], value: true, type: "STRING", invert: true },
      { names: ["--dccp-option"], value: true, type: "UINT8", invert: true, min: 1, max: 255 }
    ]
  },
  {
    name: "devgroup",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_devgroup.c"],
    options: [
      { names: ["--src-group"], value: true, type: "STRING", invert: true },
      { names: ["--dst-group"], value: true, type: "STRING", invert: true }
    ]
  },
  {
    name: "dscp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_dscp.c"],
    options: [
      { names: ["--dscp"], value: true, type: "UINT8", invert: true, min: 0, max: 63, excludes: ["--dscp-class"] },
      { names: ["--dscp-class"], value: true, type: "STRING", invert: true, excludes: ["--dscp"] }
    ]
  },
  {
    name: "dst",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_dst.c"],
    options: [
      { names: ["--dst-len"], value: true, type: "UINT32", invert: true },
      { names: ["--dst-opts"], value: true, type: "STRING", invert: false }
    ]
  },
  {
    name: "ecn",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_ecn.c"],
    options: [
      { names: ["--ecn-tcp-cwr"], value: false, type: "NONE", invert: true },
      { names: ["--ecn-tcp-ece"], value: false, type: "NONE", invert: true },
      { names: ["--ecn-ip-ect"], value: true, type: "UINT8", invert: true, min: 0, max: 3 }
    ]
  },
  {
    name: "esp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_esp.c"],
    implicitFor: ["esp"],
    needsProtocol: { "4": ["esp"], "6": ["esp"] },
    options: [
      { names: ["--espspi"], value: true, type: "UINT32RC", invert: true }
    ]
  },
  {
    name: "eui64",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_eui64.c"],
    options: []
  },
  {
    name: "frag",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_frag.c"],
    options: [
      { names: ["--fragid"], value: true, type: "UINT32RC", invert: true },
      { names: ["--fraglen"], value: true, type: "UINT32", invert: true },
      { names: ["--fragres"], value: false, type: "NONE", invert: false },
      { names: ["--fragfirst"], value: false, type: "NONE", invert: false },
      { names: ["--fragmore"], value: false, type: "NONE", invert: false, excludes: ["--fraglast"] },
      { names: ["--fraglast"], value: false, type: "NONE", invert: false, excludes: ["--fragmore"] }
    ]
  },
  {
    name: "hashlimit",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3], "6": [0, 1, 2, 3] },
    sources: ["libxt_hashlimit.c"],
    options: [
      { names: ["--hashlimit"], value: true, type: "STRING", invert: false, in: ["4:0", "6:0"] },
      { names: ["--hashlimit-burst"], value: true, type: "UINT32", invert: false, min: 1, max: 1e4, in: ["4:0", "6:0"] },
      { names: ["--hashlimit-htable-size"], value: true, type: "UINT32", invert: false },
      { names: ["--hashlimit-htable-max"], value: true, type: "UINT32", invert: false },
      { names: ["--hashlimit-htable-gcinterval"], value: true, type: "UINT32", invert: false },
      { names: ["--hashlimit-htable-expire"], value: true, type: "UINT32", invert: false },
      { names: ["--hashlimit-mode"], value: true, type: "STRING", invert: false, mandatory: true, in: ["4:0", "6:0"] },
      { names: ["--hashlimit-name"], value: true, type: "STRING", invert: false, mandatory: true, min: 1, size: 16, in: ["4:0", "4:1", "6:0", "6:1"] },
      { names: ["--hashlimit-upto", "--hashlimit"], value: true, type: "STRING", invert: true, excludes: ["--hashlimit-above"], in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--hashlimit-above"], value: true, type: "STRING", invert: true, excludes: ["--hashlimit-upto"], in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--hashlimit-srcmask"], value: true, type: "PLEN", invert: false, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--hashlimit-dstmask"], value: true, type: "PLEN", invert: false, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--hashlimit-burst"], value: true, type: "STRING", invert: false, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--hashlimit-mode"], value: true, type: "STRING", invert: false, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--hashlimit-name"], value: true, type: "STRING", invert: false, mandatory: true, min: 1, size: 255, in: ["4:2", "4:3", "6:2", "6:3"] },
      { names: ["--hashlimit-rate-match"], value: false, type: "NONE", invert: false, in: ["4:3", "6:3"] },
      { names: ["--hashlimit-rate-interval"], value: true, type: "STRING", invert: false, in: ["4:3", "6:3"] }
    ]
  },
  {
    name: "hbh",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_hbh.c"],
    options: [
      { names: ["--hbh-len"], value: true, type: "UINT32", invert: true },
      { names: ["--hbh-opts"], value: true, type: "STRING", invert: false }
    ]
  },
  {
    name: "helper",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_helper.c"],
    options: [
      { names: ["--helper"], value: true, type: "STRING", invert: true, mandatory: true, size: 30 }
    ]
  },
  {
    name: "hl",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_hl.c"],
    options: [
      { names: ["--hl-lt"], value: true, type: "UINT8", invert: false, excludes: ["--hl-eq", "--hl-gt"] },
      { names: ["--hl-gt"], value: true, type: "UINT8", invert: false, excludes: ["--hl-eq", "--hl-lt"] },
      { names: ["--hl-eq", "--hl"], value: true, type: "UINT8", invert: true, excludes: ["--hl-gt", "--hl-lt"] }
    ]
  },
  {
    name: "icmp",
    kind: "match",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_icmp.c"],
    implicitFor: ["icmp"],
    needsProtocol: { "4": ["icmp"] },
    options: [
      { names: ["--icmp-type"], value: true, type: "STRING", invert: true, mandatory: true }
    ]
  },
  {
    name: "icmp6",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_icmp6.c"],
    implicitFor: ["ipv6-icmp", "icmpv6"],
    needsProtocol: { "6": ["ipv6-icmp"] },
    options: [
      { names: ["--icmpv6-type"], value: true, type: "STRING", invert: true, mandatory: true }
    ]
  },
  {
    name: "ipcomp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_ipcomp.c"],
    implicitFor: ["ipcomp"],
    needsProtocol: { "4": ["ipcomp"], "6": ["ipcomp"] },
    options: [
      { names: ["--ipcompspi"], value: true, type: "UINT32RC", invert: true },
      { names: ["--compres"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "iprange",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [1] },
    sources: ["libxt_iprange.c"],
    options: [
      { names: ["--src-range"], value: true, type: "STRING", invert: true },
      { names: ["--dst-range"], value: true, type: "STRING", invert: true }
    ]
  },
  {
    name: "ipv6header",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_ipv6header.c"],
    options: [
      { names: ["--header"], value: true, type: "STRING", invert: true, mandatory: true },
      { names: ["--soft"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "ipvs",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_ipvs.c"],
    options: [
      { names: ["--ipvs"], value: false, type: "NONE", invert: true },
      { names: ["--vproto"], value: true, type: "PROTOCOL", invert: true },
      { names: ["--vaddr"], value: true, type: "HOSTMASK", invert: true },
      { names: ["--vport"], value: true, type: "PORT", invert: true },
      { names: ["--vdir"], value: true, type: "STRING", invert: false },
      { names: ["--vmethod"], value: true, type: "STRING", invert: true },
      { names: ["--vportctl"], value: true, type: "PORT", invert: true }
    ]
  },
  {
    name: "length",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_length.c"],
    options: [
      { names: ["--length"], value: true, type: "UINT16RC", invert: true, mandatory: true }
    ]
  },
  {
    name: "limit",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_limit.c"],
    options: [
      { names: ["--limit"], value: true, type: "STRING", invert: false },
      { names: ["--limit-burst"], value: true, type: "UINT32", invert: false, min: 0, max: 1e4 }
    ]
  },
  {
    name: "mac",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_mac.c"],
    options: [
      { names: ["--mac-source"], value: true, type: "ETHERMAC", invert: true, mandatory: true }
    ]
  },
  {
    name: "mark",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_mark.c"],
    options: [
      { names: ["--mark"], value: true, type: "MARKMASK32", invert: true, mandatory: true }
    ]
  },
  {
    name: "mh",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_mh.c"],
    implicitFor: ["mh"],
    needsProtocol: { "6": ["mh"] },
    options: [
      { names: ["--mh-type"], value: true, type: "STRING", invert: true }
    ]
  },
  {
    name: "multiport",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_multiport.c"],
    needsProtocol: { "4": ["tcp", "udp", "udplite", "sctp", "dccp"], "6": ["tcp", "udp", "udplite", "sctp", "dccp"] },
    options: [
      { names: ["--source-ports", "--sports"], value: true, type: "STRING", invert: true, excludes: ["--destination-ports", "--ports"] },
      { names: ["--destination-ports", "--dports"], value: true, type: "STRING", invert: true, excludes: ["--ports", "--source-ports"] },
      { names: ["--ports"], value: true, type: "STRING", invert: true, excludes: ["--destination-ports", "--source-ports"] }
    ]
  },
  {
    name: "nfacct",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_nfacct.c"],
    options: [
      { names: ["--nfacct-name"], value: true, type: "STRING", invert: false, mandatory: true, min: 1, size: 32 }
    ]
  },
  {
    name: "osf",
    kind: "match",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libxt_osf.c"],
    options: [
      { names: ["--genre"], value: true, type: "STRING", invert: true, mandatory: true, size: 32 },
      { names: ["--ttl"], value: true, type: "UINT32", invert: false, min: 0, max: 2 },
      { names: ["--log"], value: true, type: "UINT32", invert: false, min: 0, max: 2 }
    ]
  },
  {
    name: "owner",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_owner.c"],
    options: [
      { names: ["--uid-owner"], value: true, type: "STRING", invert: true },
      { names: ["--gid-owner"], value: true, type: "STRING", invert: true },
      { names: ["--pid-owner"], value: true, type: "UINT32", invert: true, max: 2147483647, in: ["4:0", "6:0"] },
      { names: ["--sid-owner"], value: true, type: "UINT32", invert: true, max: 2147483647, in: ["4:0", "6:0"] },
      { names: ["--cmd-owner"], value: true, type: "STRING", invert: true, size: 16, in: ["4:0"] },
      { names: ["--socket-exists"], value: false, type: "NONE", invert: true, in: ["4:1", "6:1"] },
      { names: ["--suppl-groups"], value: false, type: "NONE", invert: false, in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "physdev",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_physdev.c"],
    options: [
      { names: ["--physdev-in"], value: true, type: "STRING", invert: true, size: 16 },
      { names: ["--physdev-out"], value: true, type: "STRING", invert: true, size: 16 },
      { names: ["--physdev-is-in"], value: false, type: "NONE", invert: true },
      { names: ["--physdev-is-out"], value: false, type: "NONE", invert: true },
      { names: ["--physdev-is-bridged"], value: false, type: "NONE", invert: true }
    ]
  },
  {
    name: "pkttype",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_pkttype.c"],
    options: [
      { names: ["--pkt-type"], value: true, type: "STRING", invert: true, mandatory: true }
    ]
  },
  {
    name: "policy",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_policy.c"],
    options: [
      { names: ["--dir"], value: true, type: "STRING", invert: false },
      { names: ["--pol"], value: true, type: "STRING", invert: false },
      { names: ["--strict"], value: false, type: "NONE", invert: false },
      { names: ["--reqid"], value: true, type: "UINT32", invert: true, multi: true },
      { names: ["--spi"], value: true, type: "UINT32", invert: true, multi: true },
      { names: ["--tunnel-src"], value: true, type: "HOSTMASK", invert: true, multi: true },
      { names: ["--tunnel-dst"], value: true, type: "HOSTMASK", invert: true, multi: true },
      { names: ["--proto"], value: true, type: "PROTOCOL", invert: true, multi: true },
      { names: ["--mode"], value: true, type: "STRING", invert: true, multi: true },
      { names: ["--next"], value: false, type: "NONE", invert: false, multi: true, also: ["--strict"] }
    ]
  },
  {
    name: "quota",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_quota.c"],
    options: [
      { names: ["--quota"], value: true, type: "UINT64", invert: true, mandatory: true }
    ]
  },
  {
    name: "rateest",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_rateest.c"],
    options: [
      { names: ["--rateest1", "--rateest"], value: true, type: "ext:rateest:rateest1", invert: null },
      { names: ["--rateest2"], value: true, type: "ext:rateest:rateest2", invert: null },
      { names: ["--rateest-bps1"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-pps1"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-bps2", "--rateest-bps"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-pps2", "--rateest-pps"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-delta"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-lt"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-gt"], value: false, type: "NONE", invert: null },
      { names: ["--rateest-eq"], value: false, type: "NONE", invert: null }
    ]
  },
  {
    name: "realm",
    kind: "match",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_realm.c"],
    options: [
      { names: ["--realm"], value: true, type: "STRING", invert: true, mandatory: true }
    ]
  },
  {
    name: "recent",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_recent.c"],
    options: [
      { names: ["--set"], value: false, type: "NONE", invert: true, excludes: ["--rcheck", "--remove", "--update"] },
      { names: ["--rcheck"], value: false, type: "NONE", invert: true, excludes: ["--remove", "--set", "--update"] },
      { names: ["--update"], value: false, type: "NONE", invert: true, excludes: ["--rcheck", "--remove", "--set"] },
      { names: ["--remove"], value: false, type: "NONE", invert: true, excludes: ["--rcheck", "--set", "--update"] },
      { names: ["--seconds"], value: true, type: "UINT32", invert: false, min: 1 },
      { names: ["--reap"], value: false, type: "NONE", invert: false, also: ["--seconds"] },
      { names: ["--hitcount"], value: true, type: "UINT32", invert: false },
      { names: ["--rttl"], value: false, type: "NONE", invert: false, excludes: ["--remove", "--set"] },
      { names: ["--name"], value: true, type: "STRING", invert: false, size: 200 },
      { names: ["--rsource"], value: false, type: "NONE", invert: false },
      { names: ["--rdest"], value: false, type: "NONE", invert: false },
      { names: ["--mask"], value: true, type: "HOST", invert: false, in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "rpfilter",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_rpfilter.c"],
    options: [
      { names: ["--loose"], value: false, type: "NONE", invert: false },
      { names: ["--validmark"], value: false, type: "NONE", invert: false },
      { names: ["--accept-local"], value: false, type: "NONE", invert: false },
      { names: ["--invert"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "rt",
    kind: "match",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_rt.c"],
    options: [
      { names: ["--rt-type"], value: true, type: "UINT32", invert: true },
      { names: ["--rt-segsleft"], value: true, type: "UINT32RC", invert: true },
      { names: ["--rt-len"], value: true, type: "UINT32", invert: true },
      { names: ["--rt-0-res"], value: false, type: "NONE", invert: false },
      { names: ["--rt-0-addrs"], value: true, type: "STRING", invert: false },
      { names: ["--rt-0-not-strict"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "sctp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_sctp.c"],
    implicitFor: ["sctp"],
    needsProtocol: { "4": ["sctp"], "6": ["sctp"] },
    options: [
      { names: ["--source-port", "--sport"], value: true, type: "ext:sctp:source-port", invert: null },
      { names: ["--destination-port", "--dport"], value: true, type: "ext:sctp:destination-port", invert: null },
      { names: ["--chunk-types"], value: true, type: "ext:sctp:chunk-types", invert: null }
    ]
  },
  {
    name: "set",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3, 4], "6": [1, 2, 3, 4] },
    sources: ["libxt_set.c"],
    options: [
      { names: ["--match-set"], value: true, type: "ext:set:match-set", invert: null },
      { names: ["--set"], value: true, type: "ext:set:set", invert: null },
      { names: ["--return-nomatch"], value: false, type: "NONE", invert: null, in: ["4:2", "4:3", "4:4", "6:2", "6:3", "6:4"] },
      { names: ["--update-counters"], value: false, type: "NONE", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--packets-eq"], value: true, type: "ext:set:packets-eq", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--packets-lt"], value: true, type: "ext:set:packets-lt", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--packets-gt"], value: true, type: "ext:set:packets-gt", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--bytes-eq"], value: true, type: "ext:set:bytes-eq", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--bytes-lt"], value: true, type: "ext:set:bytes-lt", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--bytes-gt"], value: true, type: "ext:set:bytes-gt", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] },
      { names: ["--update-subcounters"], value: false, type: "NONE", invert: null, in: ["4:3", "4:4", "6:3", "6:4"] }
    ]
  },
  {
    name: "socket",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3], "6": [1, 2, 3] },
    sources: ["libxt_socket.c"],
    options: [
      { names: ["--transparent"], value: false, type: "NONE", invert: false, in: ["4:1", "4:2", "4:3", "6:1", "6:2", "6:3"] },
      { names: ["--nowildcard"], value: false, type: "NONE", invert: false, in: ["4:2", "4:3", "6:2", "6:3"] },
      { names: ["--restore-skmark"], value: false, type: "NONE", invert: false, in: ["4:3", "6:3"] }
    ]
  },
  {
    name: "srh",
    kind: "match",
    families: [6],
    revisions: { "6": [0, 1] },
    sources: ["libip6t_srh.c"],
    options: [
      { names: ["--srh-next-hdr"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-hdr-len-eq"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-hdr-len-gt"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-hdr-len-lt"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-segs-left-eq"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-segs-left-gt"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-segs-left-lt"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-last-entry-eq"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-last-entry-gt"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-last-entry-lt"], value: true, type: "UINT8", invert: true },
      { names: ["--srh-tag"], value: true, type: "UINT16", invert: true },
      { names: ["--srh-psid"], value: true, type: "HOSTMASK", invert: true, in: ["6:1"] },
      { names: ["--srh-nsid"], value: true, type: "HOSTMASK", invert: true, in: ["6:1"] },
      { names: ["--srh-lsid"], value: true, type: "HOSTMASK", invert: true, in: ["6:1"] }
    ]
  },
  {
    name: "state",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3], "6": [0, 1, 2, 3] },
    sources: ["libxt_conntrack.c"],
    realName: "conntrack",
    options: [
      { names: ["--state"], value: true, type: "STRING", invert: true, mandatory: true }
    ]
  },
  {
    name: "statistic",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_statistic.c"],
    options: [
      { names: ["--mode"], value: true, type: "STRING", invert: false, mandatory: true },
      { names: ["--probability"], value: true, type: "DOUBLE", invert: true, min: 0, max: 1, excludes: ["--every", "--packet"] },
      { names: ["--every"], value: true, type: "UINT32", invert: true, min: 1, excludes: ["--probability"], also: ["--packet"] },
      { names: ["--packet"], value: true, type: "UINT32", invert: false, excludes: ["--probability"], also: ["--every"] }
    ]
  },
  {
    name: "string",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_string.c"],
    options: [
      { names: ["--from"], value: true, type: "UINT16", invert: false },
      { names: ["--to"], value: true, type: "UINT16", invert: false },
      { names: ["--algo"], value: true, type: "STRING", invert: false, mandatory: true, size: 16 },
      { names: ["--string"], value: true, type: "STRING", invert: true, excludes: ["--hex-string"] },
      { names: ["--hex-string"], value: true, type: "STRING", invert: true, excludes: ["--string"] },
      { names: ["--icase"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "tcp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_tcp.c"],
    implicitFor: ["tcp"],
    needsProtocol: { "4": ["tcp"], "6": ["tcp"] },
    options: [
      { names: ["--source-port", "--sport"], value: true, type: "ext:tcp:source-port", invert: null },
      { names: ["--destination-port", "--dport"], value: true, type: "ext:tcp:destination-port", invert: null },
      { names: ["--syn"], value: false, type: "NONE", invert: null },
      { names: ["--tcp-flags"], value: true, type: "ext:tcp:tcp-flags", invert: null },
      { names: ["--tcp-option"], value: true, type: "ext:tcp:tcp-option", invert: null }
    ]
  },
  {
    name: "tcpmss",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_tcpmss.c"],
    needsProtocol: { "4": ["tcp"], "6": ["tcp"] },
    options: [
      { names: ["--mss"], value: true, type: "UINT16RC", invert: true, mandatory: true }
    ]
  },
  {
    name: "time",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_time.c"],
    options: [
      { names: ["--datestart"], value: true, type: "STRING", invert: false },
      { names: ["--datestop"], value: true, type: "STRING", invert: false },
      { names: ["--timestart"], value: true, type: "STRING", invert: false },
      { names: ["--timestop"], value: true, type: "STRING", invert: false },
      { names: ["--contiguous"], value: false, type: "NONE", invert: false },
      { names: ["--weekdays"], value: true, type: "STRING", invert: true },
      { names: ["--monthdays"], value: true, type: "STRING", invert: true },
      { names: ["--localtz"], value: false, type: "NONE", invert: false, excludes: ["--utc"] },
      { names: ["--utc"], value: false, type: "NONE", invert: false, excludes: ["--kerneltz", "--localtz"] },
      { names: ["--kerneltz"], value: false, type: "NONE", invert: false, excludes: ["--utc"] }
    ]
  },
  {
    name: "tos",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [1] },
    sources: ["libxt_tos.c"],
    options: [
      { names: ["--tos"], value: true, type: "TOSMASK", invert: true, mandatory: true, max: 255, in: ["4:0"] },
      { names: ["--tos"], value: true, type: "TOSMASK", invert: true, mandatory: true, max: 63, in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "ttl",
    kind: "match",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_ttl.c"],
    options: [
      { names: ["--ttl-lt"], value: true, type: "UINT8", invert: false, excludes: ["--ttl-eq", "--ttl-gt"] },
      { names: ["--ttl-gt"], value: true, type: "UINT8", invert: false, excludes: ["--ttl-eq", "--ttl-lt"] },
      { names: ["--ttl-eq", "--ttl"], value: true, type: "UINT8", invert: true, excludes: ["--ttl-gt", "--ttl-lt"] }
    ]
  },
  {
    name: "u32",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_u32.c"],
    options: [
      { names: ["--u32"], value: true, type: "STRING", invert: true, mandatory: true }
    ]
  },
  {
    name: "udp",
    kind: "match",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_udp.c"],
    implicitFor: ["udp"],
    needsProtocol: { "4": ["udp"], "6": ["udp"] },
    options: [
      { names: ["--source-port", "--sport"], value: true, type: "PORTRC", invert: true },
      { names: ["--destination-port", "--dport"], value: true, type: "PORTRC", invert: true }
    ]
  },
  {
    name: "AUDIT",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_AUDIT.c"],
    options: [
      { names: ["--type"], value: true, type: "STRING", invert: false, mandatory: true }
    ]
  },
  {
    name: "CHECKSUM",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_CHECKSUM.c"],
    options: [
      { names: ["--checksum-fill"], value: false, type: "NONE", invert: false, mandatory: true }
    ]
  },
  {
    name: "CLASSIFY",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_CLASSIFY.c"],
    options: [
      { names: ["--set-class"], value: true, type: "STRING", invert: false, mandatory: true }
    ]
  },
  {
    name: "CLUSTERIP",
    kind: "target",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_CLUSTERIP.c"],
    options: [
      { names: ["--new"], value: false, type: "NONE", invert: false },
      { names: ["--hashmode"], value: true, type: "STRING", invert: false },
      { names: ["--clustermac"], value: true, type: "ETHERMAC", invert: false },
      { names: ["--total-nodes"], value: true, type: "UINT16", invert: false, max: 16 },
      { names: ["--local-node"], value: true, type: "UINT16", invert: false, max: 16 },
      { names: ["--hash-init"], value: true, type: "UINT32", invert: false, max: 4294967295 }
    ]
  },
  {
    name: "CONNMARK",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1, 2], "6": [0, 1, 2] },
    sources: ["libxt_CONNMARK.c"],
    options: [
      { names: ["--set-mark"], value: true, type: "MARKMASK32", invert: false, excludes: ["--restore-mark", "--save-mark"], in: ["4:0", "6:0"] },
      { names: ["--save-mark"], value: false, type: "NONE", invert: false, excludes: ["--restore-mark", "--set-mark"], in: ["4:0", "6:0"] },
      { names: ["--restore-mark"], value: false, type: "NONE", invert: false, excludes: ["--save-mark", "--set-mark"], in: ["4:0", "6:0"] },
      { names: ["--mask"], value: true, type: "UINT32", invert: false, in: ["4:0", "6:0"] },
      { names: ["--set-xmark"], value: true, type: "MARKMASK32", invert: false, excludes: ["--and-mark", "--or-mark", "--restore-mark", "--save-mark", "--set-mark", "--xor-mark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--set-mark"], value: true, type: "MARKMASK32", invert: false, excludes: ["--and-mark", "--or-mark", "--restore-mark", "--save-mark", "--set-xmark", "--xor-mark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--and-mark"], value: true, type: "UINT32", invert: false, excludes: ["--or-mark", "--restore-mark", "--save-mark", "--set-mark", "--set-xmark", "--xor-mark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--or-mark"], value: true, type: "UINT32", invert: false, excludes: ["--and-mark", "--restore-mark", "--save-mark", "--set-mark", "--set-xmark", "--xor-mark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--xor-mark"], value: true, type: "UINT32", invert: false, excludes: ["--and-mark", "--or-mark", "--restore-mark", "--save-mark", "--set-mark", "--set-xmark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--save-mark"], value: false, type: "NONE", invert: false, excludes: ["--and-mark", "--or-mark", "--restore-mark", "--set-mark", "--set-xmark", "--xor-mark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--restore-mark"], value: false, type: "NONE", invert: false, excludes: ["--and-mark", "--or-mark", "--save-mark", "--set-mark", "--set-xmark", "--xor-mark"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--ctmask"], value: true, type: "UINT32", invert: false, excludes: ["--mask"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--nfmask"], value: true, type: "UINT32", invert: false, excludes: ["--mask"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--mask"], value: true, type: "UINT32", invert: false, excludes: ["--ctmask", "--nfmask"], in: ["4:1", "4:2", "6:1", "6:2"] },
      { names: ["--left-shift-mark"], value: true, type: "UINT8", invert: false, min: 0, max: 32, in: ["4:2", "6:2"] },
      { names: ["--right-shift-mark"], value: true, type: "UINT8", invert: false, min: 0, max: 32, in: ["4:2", "6:2"] }
    ]
  },
  {
    name: "CONNSECMARK",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_CONNSECMARK.c"],
    options: [
      { names: ["--save"], value: false, type: "NONE", invert: false, excludes: ["--restore"] },
      { names: ["--restore"], value: false, type: "NONE", invert: false, excludes: ["--save"] }
    ]
  },
  {
    name: "CT",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1, 2], "6": [0, 1, 2] },
    sources: ["libxt_CT.c"],
    options: [
      { names: ["--notrack"], value: false, type: "NONE", invert: false },
      { names: ["--helper"], value: true, type: "STRING", invert: false, size: 16 },
      { names: ["--ctevents"], value: true, type: "STRING", invert: false },
      { names: ["--expevents"], value: true, type: "STRING", invert: false },
      { names: ["--zone-orig"], value: true, type: "STRING", invert: false },
      { names: ["--zone-reply"], value: true, type: "STRING", invert: false },
      { names: ["--zone"], value: true, type: "STRING", invert: false },
      { names: ["--timeout"], value: true, type: "STRING", invert: false, size: 32, in: ["4:1", "4:2", "6:1", "6:2"] }
    ]
  },
  {
    name: "DNAT",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 2], "6": [1, 2] },
    sources: ["libxt_NAT.c"],
    options: [
      { names: ["--to-destination"], value: true, type: "STRING", invert: false, mandatory: true },
      { names: ["--random"], value: false, type: "NONE", invert: false },
      { names: ["--persistent"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "DNPT",
    kind: "target",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_DNPT.c"],
    options: [
      { names: ["--src-pfx"], value: true, type: "HOSTMASK", invert: false, mandatory: true },
      { names: ["--dst-pfx"], value: true, type: "HOSTMASK", invert: false, mandatory: true }
    ]
  },
  {
    name: "DSCP",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_DSCP.c"],
    options: [
      { names: ["--set-dscp"], value: true, type: "UINT8", invert: false, min: 0, max: 63, excludes: ["--set-dscp-class"] },
      { names: ["--set-dscp-class"], value: true, type: "STRING", invert: false, excludes: ["--set-dscp"] }
    ]
  },
  {
    name: "ECN",
    kind: "target",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_ECN.c"],
    options: [
      { names: ["--ecn-tcp-remove"], value: false, type: "NONE", invert: false, excludes: ["--ecn-tcp-cwr", "--ecn-tcp-ece"] },
      { names: ["--ecn-tcp-cwr"], value: true, type: "UINT8", invert: false, min: 0, max: 1, excludes: ["--ecn-tcp-remove"] },
      { names: ["--ecn-tcp-ece"], value: true, type: "UINT8", invert: false, min: 0, max: 1, excludes: ["--ecn-tcp-remove"] },
      { names: ["--ecn-ip-ect"], value: true, type: "UINT8", invert: false, min: 0, max: 3 }
    ]
  },
  {
    name: "HL",
    kind: "target",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_HL.c"],
    options: [
      { names: ["--hl-set"], value: true, type: "UINT8", invert: false, excludes: ["--hl-dec", "--hl-inc"] },
      { names: ["--hl-dec"], value: true, type: "UINT8", invert: false, min: 1, excludes: ["--hl-inc", "--hl-set"] },
      { names: ["--hl-inc"], value: true, type: "UINT8", invert: false, min: 1, excludes: ["--hl-dec", "--hl-set"] }
    ]
  },
  {
    name: "HMARK",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_HMARK.c"],
    options: [
      { names: ["--hmark-tuple"], value: true, type: "STRING", invert: false },
      { names: ["--hmark-src-prefix"], value: true, type: "PLENMASK", invert: false },
      { names: ["--hmark-dst-prefix"], value: true, type: "PLENMASK", invert: false },
      { names: ["--hmark-sport-mask"], value: true, type: "UINT16", invert: false },
      { names: ["--hmark-dport-mask"], value: true, type: "UINT16", invert: false },
      { names: ["--hmark-spi-mask"], value: true, type: "UINT32", invert: false },
      { names: ["--hmark-sport"], value: true, type: "UINT16", invert: false },
      { names: ["--hmark-dport"], value: true, type: "UINT16", invert: false },
      { names: ["--hmark-spi"], value: true, type: "UINT32", invert: false },
      { names: ["--hmark-proto-mask"], value: true, type: "UINT16", invert: false },
      { names: ["--hmark-rnd"], value: true, type: "UINT32", invert: false },
      { names: ["--hmark-mod"], value: true, type: "UINT32", invert: false, mandatory: true, min: 1 },
      { names: ["--hmark-offset"], value: true, type: "UINT32", invert: false }
    ]
  },
  {
    name: "IDLETIMER",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_IDLETIMER.c"],
    options: [
      { names: ["--timeout"], value: true, type: "UINT32", invert: false, mandatory: true },
      { names: ["--label"], value: true, type: "STRING", invert: false, mandatory: true, size: 28 },
      { names: ["--alarm"], value: false, type: "NONE", invert: false, in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "LED",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_LED.c"],
    options: [
      { names: ["--led-trigger-id"], value: true, type: "STRING", invert: false, mandatory: true, min: 0, max: 16 },
      { names: ["--led-delay"], value: true, type: "STRING", invert: false },
      { names: ["--led-always-blink"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "LOG",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_LOG.c"],
    options: [
      { names: ["--log-level"], value: true, type: "SYSLOGLEVEL", invert: false },
      { names: ["--log-prefix"], value: true, type: "STRING", invert: false, min: 1, size: 30 },
      { names: ["--log-tcp-sequence"], value: false, type: "NONE", invert: false },
      { names: ["--log-tcp-options"], value: false, type: "NONE", invert: false },
      { names: ["--log-ip-options"], value: false, type: "NONE", invert: false },
      { names: ["--log-uid"], value: false, type: "NONE", invert: false },
      { names: ["--log-macdecode"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "MARK",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1, 2], "6": [0, 2] },
    sources: ["libxt_MARK.c"],
    options: [
      { names: ["--set-mark"], value: true, type: "UINT32", invert: false, excludes: ["--and-mark", "--or-mark"], in: ["4:0", "4:1", "6:0"] },
      { names: ["--and-mark"], value: true, type: "UINT32", invert: false, excludes: ["--or-mark", "--set-mark"], in: ["4:0", "4:1", "6:0"] },
      { names: ["--or-mark"], value: true, type: "UINT32", invert: false, excludes: ["--and-mark", "--set-mark"], in: ["4:0", "4:1", "6:0"] },
      { names: ["--set-xmark"], value: true, type: "MARKMASK32", invert: false, excludes: ["--and-mark", "--or-mark", "--set-mark", "--xor-mark"], in: ["4:2", "6:2"] },
      { names: ["--set-mark"], value: true, type: "MARKMASK32", invert: false, excludes: ["--and-mark", "--or-mark", "--set-xmark", "--xor-mark"], in: ["4:2", "6:2"] },
      { names: ["--and-mark"], value: true, type: "UINT32", invert: false, excludes: ["--or-mark", "--set-mark", "--set-xmark", "--xor-mark"], in: ["4:2", "6:2"] },
      { names: ["--or-mark"], value: true, type: "UINT32", invert: false, excludes: ["--and-mark", "--set-mark", "--set-xmark", "--xor-mark"], in: ["4:2", "6:2"] },
      { names: ["--xor-mark"], value: true, type: "UINT32", invert: false, excludes: ["--and-mark", "--or-mark", "--set-mark", "--set-xmark"], in: ["4:2", "6:2"] }
    ]
  },
  {
    name: "MASQUERADE",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_NAT.c"],
    options: [
      { names: ["--to-ports"], value: true, type: "STRING", invert: false },
      { names: ["--random"], value: false, type: "NONE", invert: false },
      { names: ["--random-fully"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "NETMAP",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libip6t_NETMAP.c", "libipt_NETMAP.c"],
    options: [
      { names: ["--to"], value: true, type: "HOSTMASK", invert: false, mandatory: true }
    ]
  },
  {
    name: "NFLOG",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_NFLOG.c"],
    options: [
      { names: ["--nflog-group"], value: true, type: "UINT16", invert: false },
      { names: ["--nflog-prefix"], value: true, type: "STRING", invert: false, min: 1, size: 64 },
      { names: ["--nflog-range"], value: true, type: "UINT32", invert: false, excludes: ["--nflog-size"] },
      { names: ["--nflog-size"], value: true, type: "UINT32", invert: false, excludes: ["--nflog-range"] },
      { names: ["--nflog-threshold"], value: true, type: "UINT16", invert: false }
    ]
  },
  {
    name: "NFQUEUE",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3], "6": [0, 1, 2, 3] },
    sources: ["libxt_NFQUEUE.c"],
    options: [
      { names: ["--queue-num"], value: true, type: "UINT16", invert: false, excludes: ["--queue-balance"] },
      { names: ["--queue-balance"], value: true, type: "UINT16RC", invert: false, max: 65534, excludes: ["--queue-num"] },
      { names: ["--queue-bypass"], value: false, type: "NONE", invert: false },
      { names: ["--queue-cpu-fanout"], value: false, type: "NONE", invert: false, also: ["--queue-balance"] }
    ]
  },
  {
    name: "NOTRACK",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1, 2], "6": [0, 1, 2] },
    sources: ["libxt_CT.c"],
    realName: "CT",
    options: []
  },
  {
    name: "RATEEST",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_RATEEST.c"],
    options: [
      { names: ["--rateest-name"], value: true, type: "STRING", invert: false, mandatory: true, size: 16 },
      { names: ["--rateest-interval"], value: true, type: "STRING", invert: false, mandatory: true },
      { names: ["--rateest-ewmalog"], value: true, type: "STRING", invert: false, mandatory: true }
    ]
  },
  {
    name: "REDIRECT",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_NAT.c"],
    options: [
      { names: ["--to-ports"], value: true, type: "STRING", invert: false },
      { names: ["--random"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "REJECT",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libip6t_REJECT.c", "libipt_REJECT.c"],
    options: [
      { names: ["--reject-with"], value: true, type: "STRING", invert: false }
    ]
  },
  {
    name: "SECMARK",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [0, 1] },
    sources: ["libxt_SECMARK.c"],
    options: [
      { names: ["--selctx"], value: true, type: "STRING", invert: false, mandatory: true, size: 256 }
    ]
  },
  {
    name: "SET",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1, 2, 3], "6": [1, 2, 3] },
    sources: ["libxt_SET.c"],
    options: [
      { names: ["--add-set"], value: true, type: "ext:SET:add-set", invert: null },
      { names: ["--del-set"], value: true, type: "ext:SET:del-set", invert: null },
      { names: ["--exist"], value: false, type: "NONE", invert: null, in: ["4:2", "4:3", "6:2", "6:3"] },
      { names: ["--timeout"], value: true, type: "ext:SET:timeout", invert: null, in: ["4:2", "4:3", "6:2", "6:3"] },
      { names: ["--map-set"], value: true, type: "ext:SET:map-set", invert: null, in: ["4:3", "6:3"] },
      { names: ["--map-mark"], value: false, type: "NONE", invert: null, in: ["4:3", "6:3"] },
      { names: ["--map-prio"], value: false, type: "NONE", invert: null, in: ["4:3", "6:3"] },
      { names: ["--map-queue"], value: false, type: "NONE", invert: null, in: ["4:3", "6:3"] }
    ]
  },
  {
    name: "SNAT",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [1] },
    sources: ["libxt_NAT.c"],
    options: [
      { names: ["--to-source"], value: true, type: "STRING", invert: false, mandatory: true },
      { names: ["--random"], value: false, type: "NONE", invert: false },
      { names: ["--random-fully"], value: false, type: "NONE", invert: false },
      { names: ["--persistent"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "SNPT",
    kind: "target",
    families: [6],
    revisions: { "6": [0] },
    sources: ["libip6t_SNPT.c"],
    options: [
      { names: ["--src-pfx"], value: true, type: "HOSTMASK", invert: false, mandatory: true },
      { names: ["--dst-pfx"], value: true, type: "HOSTMASK", invert: false, mandatory: true }
    ]
  },
  {
    name: "standard",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_standard.c"],
    options: []
  },
  {
    name: "SYNPROXY",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_SYNPROXY.c"],
    needsProtocol: { "4": ["tcp"], "6": ["tcp"] },
    options: [
      { names: ["--sack-perm"], value: false, type: "NONE", invert: false },
      { names: ["--timestamp"], value: false, type: "NONE", invert: false },
      { names: ["--wscale"], value: true, type: "UINT32", invert: false },
      { names: ["--mss"], value: true, type: "UINT32", invert: false },
      { names: ["--ecn"], value: false, type: "NONE", invert: false }
    ]
  },
  {
    name: "TCPMSS",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_TCPMSS.c"],
    needsProtocol: { "4": ["tcp"], "6": ["tcp"] },
    options: [
      { names: ["--set-mss"], value: true, type: "UINT16", invert: false, min: 0, max: 65515, in: ["4:0"] },
      { names: ["--clamp-mss-to-pmtu"], value: false, type: "NONE", invert: false },
      { names: ["--set-mss"], value: true, type: "UINT16", invert: false, min: 0, max: 65495, in: ["6:0"] }
    ]
  },
  {
    name: "TCPOPTSTRIP",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_TCPOPTSTRIP.c"],
    needsProtocol: { "4": ["tcp"], "6": ["tcp"] },
    options: [
      { names: ["--strip-options"], value: true, type: "STRING", invert: false }
    ]
  },
  {
    name: "TEE",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [1], "6": [1] },
    sources: ["libxt_TEE.c"],
    options: [
      { names: ["--gateway"], value: true, type: "HOST", invert: false, mandatory: true },
      { names: ["--oif"], value: true, type: "STRING", invert: false, size: 16 }
    ]
  },
  {
    name: "TOS",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [1] },
    sources: ["libxt_TOS.c"],
    options: [
      { names: ["--set-tos"], value: true, type: "TOSMASK", invert: false, max: 255, in: ["4:0"] },
      { names: ["--set-tos"], value: true, type: "TOSMASK", invert: false, max: 63, excludes: ["--and-tos", "--or-tos", "--xor-tos"], in: ["4:1", "6:1"] },
      { names: ["--and-tos"], value: true, type: "UINT8", invert: false, excludes: ["--or-tos", "--set-tos", "--xor-tos"], in: ["4:1", "6:1"] },
      { names: ["--or-tos"], value: true, type: "UINT8", invert: false, excludes: ["--and-tos", "--set-tos", "--xor-tos"], in: ["4:1", "6:1"] },
      { names: ["--xor-tos"], value: true, type: "UINT8", invert: false, excludes: ["--and-tos", "--or-tos", "--set-tos"], in: ["4:1", "6:1"] }
    ]
  },
  {
    name: "TPROXY",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0, 1], "6": [1] },
    sources: ["libxt_TPROXY.c"],
    needsProtocol: { "4": ["tcp", "udp"], "6": ["tcp", "udp"] },
    options: [
      { names: ["--on-port"], value: true, type: "PORT", invert: false, mandatory: true },
      { names: ["--on-ip"], value: true, type: "HOST", invert: false },
      { names: ["--tproxy-mark"], value: true, type: "MARKMASK32", invert: false }
    ]
  },
  {
    name: "TRACE",
    kind: "target",
    families: [4, 6],
    revisions: { "4": [0], "6": [0] },
    sources: ["libxt_TRACE.c"],
    options: []
  },
  {
    name: "TTL",
    kind: "target",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_TTL.c"],
    options: [
      { names: ["--ttl-set"], value: true, type: "UINT8", invert: false, excludes: ["--ttl-dec", "--ttl-inc"] },
      { names: ["--ttl-dec"], value: true, type: "UINT8", invert: false, min: 1, excludes: ["--ttl-inc", "--ttl-set"] },
      { names: ["--ttl-inc"], value: true, type: "UINT8", invert: false, min: 1, excludes: ["--ttl-dec", "--ttl-set"] }
    ]
  },
  {
    name: "ULOG",
    kind: "target",
    families: [4],
    revisions: { "4": [0] },
    sources: ["libipt_ULOG.c"],
    options: [
      { names: ["--ulog-nlgroup"], value: true, type: "UINT8", invert: false, min: 1, max: 32 },
      { names: ["--ulog-prefix"], value: true, type: "STRING", invert: false, min: 1, size: 32 },
      { names: ["--ulog-cprange"], value: true, type: "UINT64", invert: false },
      { names: ["--ulog-qthreshold"], value: true, type: "UINT64", invert: false, min: 1, max: 50 }
    ]
  }
];
var GLOBAL_LONG_OPTIONS = ["--append", "--delete", "--check", "--insert", "--replace", "--list", "--list-rules", "--flush", "--zero", "--new-chain", "--delete-chain", "--rename-chain", "--policy", "--source", "--destination", "--src", "--dst", "--protocol", "--in-interface", "--jump", "--table", "--match", "--numeric", "--out-interface", "--verbose", "--wait", "--wait-interval", "--exact", "--fragments", "--version", "--help", "--line-numbers", "--modprobe", "--set-counters", "--goto", "--ipv4", "--ipv6"];
var OPTION_HISTORY = [
  { extension: "time", kind: "match", option: "--days", replacedBy: "--weekdays", note: "xt_time of iptables 1.4.0 replaced ipt_time's --days" },
  { extension: "MASQUERADE", kind: "target", option: "--random-fully", addedIn: "1.6.2" },
  { extension: "SNAT", kind: "target", option: "--random-fully", addedIn: "1.6.0" },
  { extension: "time", kind: "match", option: "--weekdays", addedIn: "1.4.0", note: "xt_time, which replaced ipt_time's --days" },
  { extension: "MARK", kind: "target", option: "--set-xmark", addedIn: "1.4.1" },
  { extension: "string", kind: "match", option: "--icase", addedIn: "1.4.2" },
  { extension: "connlimit", kind: "match", option: "--connlimit-upto", addedIn: "1.4.11" },
  { extension: "connlimit", kind: "match", option: "--connlimit-saddr", addedIn: "1.4.11" },
  { extension: "connlimit", kind: "match", option: "--connlimit-daddr", addedIn: "1.4.11" },
  { extension: "NFQUEUE", kind: "target", option: "--queue-bypass", addedIn: "1.4.11" },
  { extension: "socket", kind: "match", option: "--transparent", addedIn: "1.4.11" },
  { extension: "recent", kind: "match", option: "--mask", addedIn: "1.4.15" },
  { extension: "set", kind: "match", option: "--return-nomatch", addedIn: "1.4.16" },
  { extension: "set", kind: "match", option: "--update-counters", addedIn: "1.4.20" },
  { extension: "NFQUEUE", kind: "target", option: "--queue-cpu-fanout", addedIn: "1.4.20" },
  { extension: "socket", kind: "match", option: "--nowildcard", addedIn: "1.4.21" },
  { extension: "socket", kind: "match", option: "--restore-skmark", addedIn: "1.6.0" },
  { extension: "CT", kind: "target", option: "--zone-orig", addedIn: "1.6.0" },
  { extension: "CT", kind: "target", option: "--zone-reply", addedIn: "1.6.0" },
  { extension: "SET", kind: "target", option: "--map-set", addedIn: "1.6.0" },
  { extension: "bpf", kind: "match", option: "--object-pinned", addedIn: "1.6.1" },
  { extension: "cgroup", kind: "match", option: "--path", addedIn: "1.6.1" },
  { extension: "hashlimit", kind: "match", option: "--hashlimit-rate-match", addedIn: "1.6.2" },
  { extension: "hashlimit", kind: "match", option: "--hashlimit-rate-interval", addedIn: "1.6.2" },
  { extension: "hashlimit", kind: "match", option: "--hashlimit", replacedBy: "--hashlimit-upto", note: "revision 0's name, still read" },
  { extension: "state", kind: "match", option: "--state", replacedBy: "--ctstate", note: "state is an alias of conntrack, still read" }
];

// rules/netfilter/protocols.ts
var PROTOCOL_NUMBERS = {
  icmp: 1,
  tcp: 6,
  udp: 17,
  dccp: 33,
  esp: 50,
  ah: 51,
  "ipv6-icmp": 58,
  icmpv6: 58,
  ipcomp: 108,
  sctp: 132,
  mh: 135,
  "ipv6-mh": 135,
  "mobility-header": 135,
  udplite: 136
};
var NAMES_BY_NUMBER = /* @__PURE__ */ new Map();
for (const [name, number] of Object.entries(PROTOCOL_NUMBERS)) if (!NAMES_BY_NUMBER.has(String(number))) NAMES_BY_NUMBER.set(String(number), name);
function normalizeProtocol(protocol) {
  const p = protocol.toLowerCase();
  const number = Object.hasOwn(PROTOCOL_NUMBERS, p) ? String(PROTOCOL_NUMBERS[p]) : p;
  return NAMES_BY_NUMBER.get(number) ?? p;
}
var protocolNumber = (name) => Object.hasOwn(PROTOCOL_NUMBERS, name) ? String(PROTOCOL_NUMBERS[name]) : name;
var ANY_PROTOCOL = /* @__PURE__ */ new Set(["all", "0"]);
var MESSAGE_ORDER = ["tcp", "udp", "sctp", "dccp", "icmp", "icmp6", "esp", "ah"];
var rank = (e) => MESSAGE_ORDER.includes(e.name) ? MESSAGE_ORDER.indexOf(e.name) : MESSAGE_ORDER.length;
var PROTOCOL_OWN_MATCHES = EXTENSIONS.filter((e) => e.kind === "match" && e.implicitFor !== void 0).sort((a, b) => rank(a) - rank(b));
var PROTOCOL_MATCH_OPTIONS = Object.fromEntries(
  PROTOCOL_OWN_MATCHES.map((e) => [normalizeProtocol(e.implicitFor[0]), [...new Set(e.options.flatMap((o) => o.names))]])
);
var PROTOCOL_OPTION_OWNERS = (() => {
  const owners2 = /* @__PURE__ */ new Map();
  for (const [protocol, options] of Object.entries(PROTOCOL_MATCH_OPTIONS)) {
    for (const option2 of options) owners2.set(option2, [...owners2.get(option2) ?? [], protocol]);
  }
  return owners2;
})();
var PROTOCOL_MATCHES = (() => {
  const out = {};
  for (const e of PROTOCOL_OWN_MATCHES) out[e.name] = normalizeProtocol(e.implicitFor[0]);
  out.icmpv6 = out.icmp6;
  return out;
})();
function protocolsNeededBy(extension, family) {
  const needs = extension.needsProtocol;
  if (needs === void 0) return void 0;
  if (family !== null) return needs[family];
  const [v4, v6] = [extension.families.includes(4) ? needs[4] : null, extension.families.includes(6) ? needs[6] : null];
  if (v4 === null) return v6 ?? void 0;
  if (v6 === null) return v4 ?? void 0;
  return String(v4) === String(v6) ? v4 : "unsure";
}
var MULTIPORT_PROTOCOLS = EXTENSIONS.find((e) => e.kind === "match" && e.name === "multiport").needsProtocol[4];
var NAT_PORT_PROTOCOLS = {
  4: ["tcp", "udp", "sctp", "dccp", "icmp"],
  6: ["tcp", "udp", "sctp", "dccp"]
};
var PROTOCOL_TARGETS = ["MASQUERADE", "REDIRECT", "DNAT", "SNAT", "TPROXY", "TCPMSS", "SYNPROXY", "TCPOPTSTRIP", "REJECT", "ECN"];

// rules/netfilter/tables.ts
var BUILTIN_CHAINS = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"]
};
var TABLES = Object.keys(BUILTIN_CHAINS);
var isKnownTable = (name) => name === null || Object.hasOwn(BUILTIN_CHAINS, name);
function builtinChains(table) {
  return new Set(table === null ? Object.values(BUILTIN_CHAINS).flat() : BUILTIN_CHAINS[table] ?? []);
}
var tablesWithBuiltin = (name) => Object.entries(BUILTIN_CHAINS).filter(([, chains]) => chains.includes(name)).map(([table]) => table);
var POLICIES = /* @__PURE__ */ new Set(["ACCEPT", "DROP"]);
var HOOKS = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
var BLIND_HOOKS = {
  in: ["OUTPUT", "POSTROUTING"],
  out: ["PREROUTING", "INPUT"]
};
var INTERFACE_REFUSED_IN = {
  PREROUTING: "out",
  INPUT: "out",
  OUTPUT: "in",
  POSTROUTING: "in"
};
var MAX_CHAIN_NAME_BYTES = 28;
var nameBytes = (name) => Buffer.byteLength(name, "utf8");
var isNameTooLong = (name) => name.length > MAX_CHAIN_NAME_BYTES || name.length * 3 > MAX_CHAIN_NAME_BYTES && nameBytes(name) > MAX_CHAIN_NAME_BYTES;

// rules/netfilter/targets.ts
var STANDARD_TARGETS = /* @__PURE__ */ new Set(["ACCEPT", "DROP", "RETURN", "QUEUE"]);
var EXTENSION_TARGETS = /* @__PURE__ */ new Set([
  "AUDIT",
  "CHECKSUM",
  "CLASSIFY",
  "CLUSTERIP",
  "CONNMARK",
  "CONNSECMARK",
  "CT",
  "DNAT",
  "DNPT",
  "DSCP",
  "ECN",
  "HL",
  "HMARK",
  "IDLETIMER",
  "LED",
  "LOG",
  "MARK",
  "MASQUERADE",
  "MIRROR",
  "NETMAP",
  "NFLOG",
  "NFQUEUE",
  "NOTRACK",
  "RATEEST",
  "REDIRECT",
  "REJECT",
  "SAME",
  "SECMARK",
  "SET",
  "SNAT",
  "SNPT",
  "SYNPROXY",
  "TCPMSS",
  "TCPOPTSTRIP",
  "TEE",
  "TOS",
  "TPROXY",
  "TRACE",
  "TTL",
  "ULOG"
]);
var isKnownTarget = (name) => STANDARD_TARGETS.has(name) || EXTENSION_TARGETS.has(name);
var CLASSES = {
  ACCEPT: "verdict",
  DROP: "verdict",
  REJECT: "verdict",
  QUEUE: "verdict",
  NFQUEUE: "verdict",
  TPROXY: "verdict",
  DNAT: "nat",
  SNAT: "nat",
  MASQUERADE: "nat",
  REDIRECT: "nat",
  NETMAP: "nat",
  RETURN: "return",
  LOG: "observe",
  NFLOG: "observe",
  ULOG: "observe",
  TRACE: "observe",
  AUDIT: "observe",
  CHECKSUM: "observe"
};
var targetClass = (name) => CLASSES[name] ?? (isKnownTarget(name) ? "change" : void 0);
var isTerminalTarget = (name) => {
  const c = CLASSES[name];
  return c === "verdict" || c === "nat";
};
var NFQUEUE_OPTIONS = ["--queue-num", "--queue-balance", "--queue-bypass", "--fail-open", "--queue-cpu-fanout"];
var MANGLE = ["mangle"];
var BINDINGS = {
  MASQUERADE: { tables: ["nat"], hooks: ["POSTROUTING"] },
  SNAT: { tables: ["nat"], hooks: ["INPUT", "POSTROUTING"] },
  DNAT: { tables: ["nat"], hooks: ["PREROUTING", "OUTPUT"] },
  REDIRECT: { tables: ["nat"], hooks: ["PREROUTING", "OUTPUT"] },
  NETMAP: { tables: ["nat"] },
  REJECT: { tables: ["filter"], hooks: ["INPUT", "FORWARD", "OUTPUT"] },
  TPROXY: { tables: MANGLE, hooks: ["PREROUTING"] },
  CT: { tables: ["raw"] },
  NOTRACK: { tables: ["raw"], kernelName: "CT" },
  TRACE: { tables: ["raw"], tableLegacyOnly: true },
  TTL: { tables: MANGLE },
  HL: { tables: MANGLE },
  TOS: { tables: MANGLE },
  DSCP: { tables: MANGLE },
  ECN: { tables: MANGLE },
  CHECKSUM: { tables: MANGLE },
  TCPOPTSTRIP: { tables: MANGLE },
  DNPT: { tables: MANGLE, hooks: ["PREROUTING", "OUTPUT"] },
  SNPT: { tables: MANGLE, hooks: ["INPUT", "POSTROUTING"] },
  SECMARK: { tables: ["mangle", "security"], style: "secmark" },
  CONNSECMARK: { tables: ["mangle", "security"], style: "secmark" },
  CLASSIFY: { hooks: ["FORWARD", "OUTPUT", "POSTROUTING"] },
  SYNPROXY: { hooks: ["INPUT", "FORWARD"] },
  TCPMSS: {
    hooks: ["FORWARD", "OUTPUT", "POSTROUTING"],
    whenOption: "--clamp-mss-to-pmtu",
    hooksCheckedInBuiltinOnlyByNft: true,
    style: "tcpmss"
  }
};
var BOUND_TARGETS = new Set(Object.keys(BINDINGS));

// rules/netfilter/extensions/index.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);

// rules/netfilter/extensions/relations.ts
var ONE_OF_REQUIREMENTS = [
  { kind: "match", extension: "addrtype", options: ["--src-type", "--dst-type"], message: "addrtype: you must specify --src-type or --dst-type" },
  { kind: "match", extension: "bpf", options: ["--bytecode", "--object-pinned"], message: "bpf: one of --bytecode or --pinned is required" },
  { kind: "match", extension: "cluster", options: ["--cluster-local-node", "--cluster-local-nodemask"], message: "cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing" },
  { kind: "match", extension: "connlimit", options: ["--connlimit-upto", "--connlimit-above"], message: 'You must specify "--connlimit-above" or "--connlimit-upto".' },
  { kind: "match", extension: "conntrack", options: null, message: "conntrack: At least one option is required" },
  { kind: "match", extension: "devgroup", options: ["--src-group", "--dst-group"], message: "devgroup match: You must specify either '--src-group' or '--dst-group'" },
  { kind: "match", extension: "dscp", options: ["--dscp", "--dscp-class"], message: "DSCP match: Parameter --dscp is required" },
  { kind: "match", extension: "ecn", options: null, message: "ECN match: some option required" },
  { kind: "match", extension: "hashlimit", options: ["--hashlimit-upto", "--hashlimit-above"], message: "You have to specify --hashlimit" },
  { kind: "match", extension: "hl", options: ["--hl-eq", "--hl-lt", "--hl-gt"], message: "HL match: You must specify one of `--hl-eq', `--hl-lt', `--hl-gt'" },
  { kind: "match", extension: "iprange", options: ["--src-range", "--dst-range"], message: "iprange match: You must specify `--src-range' or `--dst-range'" },
  { kind: "match", extension: "multiport", options: null, message: "multiport expection an option" },
  { kind: "match", extension: "owner", options: ["--uid-owner", "--gid-owner", "--socket-exists"], message: "owner: At least one of --uid-owner, --gid-owner or --socket-exists is required" },
  { kind: "match", extension: "physdev", options: null, message: "PHYSDEV: no physdev option specified" },
  { kind: "match", extension: "policy", options: ["--dir"], message: "policy match: neither --dir in nor --dir out specified" },
  { kind: "match", extension: "recent", options: ["--set", "--rcheck", "--update", "--remove"], message: "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'" },
  { kind: "match", extension: "set", options: ["--match-set", "--set"], message: "You must specify `--match-set' with proper arguments" },
  { kind: "match", extension: "string", options: ["--string", "--hex-string"], message: "STRING match: You must specify `--string' or `--hex-string'" },
  { kind: "match", extension: "ttl", options: ["--ttl-eq", "--ttl-lt", "--ttl-gt"], message: "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt" },
  {
    kind: "target",
    extension: "CONNMARK",
    options: ["--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark", "--save-mark", "--restore-mark"],
    message: "CONNMARK target: No operation specified"
  },
  { kind: "target", extension: "CONNSECMARK", options: ["--save", "--restore"], message: "CONNSECMARK target: parameter required" },
  { kind: "target", extension: "DSCP", options: ["--set-dscp", "--set-dscp-class"], message: "DSCP target: Parameter --set-dscp is required" },
  { kind: "target", extension: "ECN", options: null, message: "ECN target: An operation is required" },
  { kind: "target", extension: "HL", options: ["--hl-set", "--hl-dec", "--hl-inc"], message: "HL: You must specify an action" },
  { kind: "target", extension: "HMARK", options: ["--hmark-mod"], message: "--hmark-mod is mandatory" },
  {
    kind: "target",
    extension: "MARK",
    options: ["--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark"],
    message: "MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required"
  },
  { kind: "target", extension: "SET", options: ["--add-set", "--del-set", "--map-set"], message: "You must specify either `--add-set' or `--del-set' or `--map-set'" },
  { kind: "target", extension: "TCPMSS", options: ["--set-mss", "--clamp-mss-to-pmtu"], message: "TCPMSS target: At least one parameter is required" },
  { kind: "target", extension: "TOS", options: ["--set-tos", "--and-tos", "--or-tos", "--xor-tos"], message: "TOS: An action is required" },
  { kind: "target", extension: "TTL", options: ["--ttl-set", "--ttl-dec", "--ttl-inc"], message: "TTL: You must specify an action" }
];
var ONCE_GROUPS = [
  { kind: "match", extension: "tcp", options: ["--source-port"], message: "Only one `--source-port' allowed" },
  { kind: "match", extension: "tcp", options: ["--destination-port"], message: "Only one `--destination-port' allowed" },
  { kind: "match", extension: "tcp", options: ["--syn", "--tcp-flags"], message: "Only one of `--syn' or `--tcp-flags'  allowed" },
  { kind: "match", extension: "tcp", options: ["--tcp-option"], message: "Only one `--tcp-option' allowed" },
  { kind: "match", extension: "sctp", options: ["--source-port"], message: "Only one `--source-port' allowed" },
  { kind: "match", extension: "sctp", options: ["--destination-port"], message: "Only one `--destination-port' allowed" },
  { kind: "match", extension: "sctp", options: ["--chunk-types"], message: "Only one `--chunk-types' allowed" }
];
var ONCE_BUILTINS = {
  "-p": "p",
  "--protocol": "p",
  "-s": "s",
  "--source": "s",
  "--src": "s",
  "-d": "d",
  "--destination": "d",
  "--dst": "d",
  "-i": "i",
  "--in-interface": "i",
  "-o": "o",
  "--out-interface": "o",
  "-f": "f",
  "--fragments": "f",
  "-c": "c",
  "--set-counters": "c"
};
var OWN_CHECK_FIRST = /* @__PURE__ */ new Set(["match:statistic", "target:RATEEST"]);

// rules/netfilter/extensions/index.ts
var MATCH_ALIASES = { icmpv6: "icmp6", "ipv6-icmp": "icmp6" };
var VERDICTS = /* @__PURE__ */ new Set(["ACCEPT", "DROP", "RETURN", "QUEUE"]);
var byKey = new Map(EXTENSIONS.map((e) => [`${e.kind}:${e.name}`, e]));
function findExtension(kind, name, family) {
  const key = kind === "match" ? MATCH_ALIASES[name] ?? name : VERDICTS.has(name) ? "standard" : name;
  const found = byKey.get(`${kind}:${key}`);
  if (found === void 0 || family !== null && !found.families.includes(family)) return void 0;
  return found;
}
var inFamily = (option2, family) => family === null || (option2.in === void 0 || option2.in.some((tag) => tag.startsWith(`${family}:`))) && (option2.families === void 0 || option2.families.includes(family));
function optionsOf(extension, family) {
  return extension.options.filter((o) => inFamily(o, family));
}
function findOption(extension, spelling, family) {
  let best;
  let bestRevision = -1;
  for (const option2 of optionsOf(extension, family)) {
    if (!option2.names.includes(spelling)) continue;
    const revision = option2.in === void 0 ? Infinity : Math.max(...option2.in.filter((tag) => family === null || tag.startsWith(`${family}:`)).map((tag) => Number(tag.slice(2))));
    if (revision > bestRevision) [best, bestRevision] = [option2, revision];
  }
  return best;
}
function implicitMatch(protocol, family) {
  const p = protocol.toLowerCase();
  const name = IMPLICIT_BY_NUMBER[p] ?? p;
  for (const e of EXTENSIONS) {
    if (e.implicitFor?.includes(name) && (family === null || e.families.includes(family))) return e;
  }
  return void 0;
}
var IMPLICIT_BY_NUMBER = {
  "1": "icmp",
  "6": "tcp",
  "17": "udp",
  "33": "dccp",
  "50": "esp",
  "51": "ah",
  "58": "ipv6-icmp",
  "108": "ipcomp",
  "132": "sctp",
  "135": "mobility-header"
};
var historyOf = (kind, extension, option2) => OPTION_HISTORY.find((h) => h.kind === kind && h.extension === extension && h.option === option2);
var OptionSpace = class {
  constructor(extensions, family) {
    this.extensions = extensions;
    this.answers = /* @__PURE__ */ new Map();
    const names2 = /* @__PURE__ */ new Set();
    for (const e of extensions) for (const o of optionsOf(e, family)) for (const n of o.names) if (n.startsWith("--")) names2.add(n);
    this.extensionNames = [...names2].sort();
    this.all = [.../* @__PURE__ */ new Set([...this.extensionNames, ...GLOBAL_LONG_OPTIONS])];
  }
  /** Whether getopt finds a long option for `spelling` (`--dport`, or a prefix of one such as `--dpo`). */
  knows(spelling) {
    let known = this.answers.get(spelling);
    if (known === void 0) {
      known = !spelling.startsWith("--") || spelling.length <= 2 || this.all.some((name) => name.startsWith(spelling));
      this.answers.set(spelling, known);
    }
    return known;
  }
  /** The extensions' option closest to a misspelling, if close enough to be a typo (`--icmpc6-type` \u2192 `--icmpv6-type`). */
  nearest(spelling) {
    return nearestName(spelling, this.extensionNames, Math.max(2, Math.floor((spelling.length - 2) / 4)));
  }
};
function nearestName(word, candidates, most) {
  let best;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const name of candidates) {
    const d = name === lower ? 0.5 : (0, import_fastest_levenshtein.distance)(word, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= most ? best : void 0;
}
var spaces = /* @__PURE__ */ new Map();
function optionSpace(extensions, family) {
  const key = `${family ?? "?"}|${extensions.map((e) => `${e.kind}:${e.name}`).join(",")}`;
  let space = spaces.get(key);
  if (space === void 0) {
    space = new OptionSpace(extensions, family);
    spaces.set(key, space);
  }
  return space;
}
function matchNames(family) {
  const names2 = EXTENSIONS.filter((e) => e.kind === "match" && (family === null || e.families.includes(family))).map((e) => e.name);
  if (family !== 4) names2.push(...Object.keys(MATCH_ALIASES));
  return names2;
}

// rules/netfilter/extensions/reading.ts
var GLOBALS = new Set(GLOBAL_LONG_OPTIONS);
var isProtocolOption = (name) => name === "-p" || name.length >= 5 && "--protocol".startsWith(name);
function readOptions(words2, family) {
  const instances = [];
  let protocol = null;
  let implicitLoaded = false;
  for (let i = 0; i < words2.count; i++) {
    const role = words2.role(i);
    if (role === "generic") {
      if (isProtocolOption(words2.name(i))) {
        const value = words2.value(i);
        if (value !== null) protocol = { value, element: i };
      }
      continue;
    }
    if (role === "match" || role === "jump" || role === "goto") {
      const name = words2.value(i);
      if (name === null) return null;
      if (words2.valueRange(i, 1) !== null) return null;
      const extension = findExtension(role === "match" ? "match" : "target", name, family);
      if (extension === void 0) {
        if (role === "match" || hasOptionsAfter(words2, i)) return null;
        continue;
      }
      instances.push({ extension, element: i, implicit: false, given: [] });
      continue;
    }
    if (role !== "module") continue;
    const spelling = words2.name(i);
    let found = resolve(spelling, instances, family);
    if (found === void 0 && !implicitLoaded && protocol !== null) {
      implicitLoaded = true;
      const implicit = implicitMatch(protocol.value, family);
      if (implicit !== void 0) {
        instances.push({ extension: implicit, element: protocol.element, implicit: true, given: [] });
        found = resolve(spelling, instances, family);
      }
    }
    if (found === void 0 || found === "ambiguous") return null;
    if (found === "iptables") continue;
    const option2 = findOption(found.instance.extension, found.name, family) ?? found.option;
    found.instance.given.push({ option: option2, key: option2.names[0], element: i });
  }
  return { instances };
}
function resolve(spelling, instances, family) {
  if (!spelling.startsWith("--")) return spelling.length === 2 ? "iptables" : void 0;
  if (GLOBALS.has(spelling)) return "iptables";
  for (let k = instances.length - 1; k >= 0; k--) {
    const option2 = optionsOf(instances[k].extension, family).find((o) => o.names.includes(spelling));
    if (option2 !== void 0) return { instance: instances[k], option: option2, name: spelling };
  }
  let found;
  let globalHits = 0;
  for (const name of GLOBALS) if (name.startsWith(spelling)) globalHits++;
  if (globalHits > 1) return "ambiguous";
  if (globalHits === 1) found = "iptables";
  for (const instance of instances) {
    for (const option2 of optionsOf(instance.extension, family)) {
      const name = option2.names.find((n) => n.startsWith(spelling));
      if (name === void 0) continue;
      if (found !== void 0 && (found === "iptables" || found.instance !== instance || found.option.names[0] !== option2.names[0])) return "ambiguous";
      found = { instance, option: option2, name };
    }
  }
  return found;
}
var hasOptionsAfter = (words2, at) => {
  for (let i = at + 1; i < words2.count; i++) if (words2.role(i) === "module") return true;
  return false;
};
function mandatoryOptions(extension, family) {
  let result = null;
  for (const f of family === null ? extension.families : [family]) {
    for (const revision of extension.revisions[String(f)] ?? []) {
      const tag = `${f}:${revision}`;
      const here = extension.options.filter((o) => o.mandatory && (o.in === void 0 || o.in.includes(tag))).map((o) => o.names[0]);
      result = result === null ? here : result.filter((n) => here.includes(n));
    }
  }
  return [...new Set(result ?? [])];
}

// rules/netfilter/values/cnum.ts
var isCSpace = (c) => c === 32 || c >= 9 && c <= 13;
var digitValue = (c) => {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return c - 65 + 10;
  return 99;
};
var UINTMAX = (1n << 64n) - 1n;
function strtoumax(s, from, base) {
  let at = from;
  while (at < s.length && isCSpace(s.charCodeAt(at))) at++;
  let negative = false;
  if (at < s.length && (s[at] === "+" || s[at] === "-")) {
    negative = s[at] === "-";
    at++;
  }
  let radix = base;
  if ((base === 0 || base === 16) && s[at] === "0" && (s[at + 1] === "x" || s[at + 1] === "X") && digitValue(s.charCodeAt(at + 2)) < 16) {
    radix = 16;
    at += 2;
  } else if (base === 0) radix = s[at] === "0" ? 8 : 10;
  const start = at;
  while (at < s.length && digitValue(s.charCodeAt(at)) < radix) at++;
  if (at === start) return { value: 0, big: null, end: from, negative: false, overflow: false };
  let first2 = start;
  while (first2 < at - 1 && s[first2] === "0") first2++;
  if (at - first2 > 22) return { value: Number(UINTMAX), big: UINTMAX, end: at, negative, overflow: true };
  const digits = s.slice(first2, at);
  if (digits.length <= 13 && !negative) return { value: parseInt(digits, radix), big: null, end: at, negative, overflow: false };
  let v = parseBig(digits, radix);
  if (v > UINTMAX) return { value: Number(UINTMAX), big: UINTMAX, end: at, negative, overflow: true };
  if (negative && v !== 0n) v = (1n << 64n) - v;
  const safe = v <= BigInt(Number.MAX_SAFE_INTEGER);
  return { value: Number(v), big: safe ? null : v, end: at, negative, overflow: false };
}
function parseBig(digits, radix) {
  let v = 0n;
  const r = BigInt(radix);
  for (let k = 0; k < digits.length; k++) v = v * r + BigInt(digitValue(digits.charCodeAt(k)));
  return v;
}
var bigOf = (n) => n.big ?? BigInt(n.value);
function xtStrtoul(s, from, min, max, whole) {
  let p = from;
  while (p < s.length && isCSpace(s.charCodeAt(p))) p++;
  if (s[p] === "-") return null;
  const n = strtoumax(s, from, 0);
  if (n.end === from) return null;
  if (n.overflow || n.value < min || max !== 0 && n.value > max) return null;
  if (whole && n.end !== s.length) return null;
  return { value: n.value, end: n.end };
}
function xtStrtoull(s, from, min, max, whole) {
  let p = from;
  while (p < s.length && isCSpace(s.charCodeAt(p))) p++;
  if (s[p] === "-") return null;
  const n = strtoumax(s, from, 0);
  if (n.end === from || n.overflow) return null;
  const v = bigOf(n);
  if (v < min || max !== 0n && v > max) return null;
  if (whole && n.end !== s.length) return null;
  return { value: v, end: n.end };
}
function atoi(s) {
  const n = strtoumax(s, 0, 10);
  if (n.end === 0) return 0;
  let v;
  if (n.negative) {
    const magnitude = n.overflow ? 1n << 64n : n.value === 0 ? 0n : (1n << 64n) - bigOf(n);
    v = magnitude > 1n << 63n ? -(1n << 63n) : -magnitude;
  } else v = n.overflow || bigOf(n) > (1n << 63n) - 1n ? (1n << 63n) - 1n : bigOf(n);
  return Number(BigInt.asIntN(32, v));
}

// rules/netfilter/values/result.ts
var accept = (value) => ({ kind: "value", value });
var refuse = (message5) => ({ kind: "refused", message: message5 });
var refuseAfter = (refused, earlier) => earlier === null ? refused : { ...refused, afterUnsure: true };
var unsure = (reason) => ({ kind: "unsure", reason });
function byteLength(word) {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 128) return Buffer.byteLength(word, "utf8");
  return word.length;
}

// rules/netfilter/values/addresses.ts
function numericToIpv4(text, isMask) {
  const buf = text.length > 19 ? text.slice(0, 19) : text;
  let value = 0;
  let from = 0;
  for (let i = 0; i < 3; i++) {
    const dot = buf.indexOf(".", from);
    if (dot === -1) {
      if (isMask) return null;
      const byte2 = xtStrtoul(buf.slice(from), 0, 0, 255, true);
      if (byte2 === null) return null;
      return (value << 8 | byte2.value) * 2 ** (8 * (3 - i)) >>> 0;
    }
    const byte = xtStrtoul(buf.slice(from, dot), 0, 0, 255, true);
    if (byte === null) return null;
    value = (value << 8 | byte.value) >>> 0;
    from = dot + 1;
  }
  const last2 = xtStrtoul(buf.slice(from), 0, 0, 255, true);
  if (last2 === null) return null;
  return (value << 8 | last2.value) >>> 0;
}
function inetAton(text) {
  const parts = [];
  let at = 0;
  for (; ; ) {
    if (at >= text.length || !(text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57)) return null;
    let base = 10;
    if (text[at] === "0") {
      const next2 = text.charCodeAt(at + 2);
      if ((text[at + 1] === "x" || text[at + 1] === "X") && (next2 >= 48 && next2 <= 57 || (next2 | 32) >= 97 && (next2 | 32) <= 102)) {
        base = 16;
        at += 2;
      } else base = 8;
    }
    let v = 0;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      let d;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (base === 16 && (c >= 97 && c <= 102 || c >= 65 && c <= 70)) d = (c | 32) - 97 + 10;
      else break;
      if (d >= base) return null;
      v = v * base + d;
      if (v > 4294967295) return null;
    }
    parts.push(v);
    if (at >= text.length) break;
    if (text[at] !== "." || parts.length === 4) return null;
    at++;
  }
  const last2 = parts[parts.length - 1];
  const limit = [4294967295, 16777215, 65535, 255][parts.length - 1];
  if (last2 > limit) return null;
  for (let k = 0; k < parts.length - 1; k++) if (parts[k] > 255) return null;
  let value = 0;
  for (let k = 0; k < parts.length - 1; k++) value = value * 256 + parts[k];
  return value * 2 ** (8 * (4 - parts.length + 1)) + last2 >>> 0;
}
function inetPton6(text) {
  const groups = [];
  let gap = -1;
  let at = 0;
  if (text.startsWith("::")) {
    gap = 0;
    at = 2;
    if (text.length === 2) return [0, 0, 0, 0, 0, 0, 0, 0];
  } else if (text[0] === ":") return null;
  while (at < text.length) {
    const rest = text.slice(at);
    if (rest.indexOf(".") !== -1 && rest.indexOf(":") === -1) {
      const quad = rest.split(".");
      if (quad.length !== 4 || groups.length > 6) return null;
      const bytes = [];
      for (const q of quad) {
        if (q.length === 0 || q.length > 3 || q.length > 1 && q[0] === "0") return null;
        for (let k = 0; k < q.length; k++) if (!(q.charCodeAt(k) >= 48 && q.charCodeAt(k) <= 57)) return null;
        const v2 = Number(q);
        if (v2 > 255) return null;
        bytes.push(v2);
      }
      groups.push(bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3]);
      at = text.length;
      break;
    }
    let v = 0;
    let n = 0;
    while (at < text.length && n < 5) {
      const c = text.charCodeAt(at);
      let d;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102 || c >= 65 && c <= 70) d = (c | 32) - 97 + 10;
      else break;
      v = v * 16 + d;
      n++;
      at++;
    }
    if (n === 0 || n > 4) return null;
    groups.push(v);
    if (groups.length > 8) return null;
    if (at === text.length) break;
    if (text[at] !== ":") return null;
    at++;
    if (text[at] === ":") {
      if (gap !== -1) return null;
      gap = groups.length;
      at++;
      if (at === text.length) break;
    } else if (at === text.length) return null;
  }
  if (gap === -1) return groups.length === 8 ? groups : null;
  if (groups.length > 7) return null;
  return [...groups.slice(0, gap), ...new Array(8 - groups.length).fill(0), ...groups.slice(gap)];
}
var v4MaskOf = (prefix) => prefix === 0 ? 0 : 4294967295 << 32 - prefix >>> 0;
var v6MaskOf = (prefix) => Array.from({ length: 8 }, (_, k) => prefix >= 16 * (k + 1) ? 65535 : prefix <= 16 * k ? 0 : 65535 << 16 - (prefix - 16 * k) & 65535);
function prefixOfMask(mask) {
  const groups = typeof mask === "number" ? [mask >>> 16, mask & 65535] : mask;
  let bits = 0;
  let k = 0;
  while (k < groups.length && groups[k] === 65535) {
    bits += 16;
    k++;
  }
  if (k < groups.length) {
    const g = groups[k];
    let ones = 0;
    while (ones < 16 && (g & 32768 >> ones) !== 0) ones++;
    if ((g & ~(65535 << 16 - ones)) !== 0 || ones < 16 && (g & 65535 >> ones) !== 0) return null;
    bits += ones;
    for (k++; k < groups.length; k++) if (groups[k] !== 0) return null;
  }
  return bits;
}
var isEmptyName = (name) => name.length === 0;
function v4Mapped(name) {
  if (name.indexOf(":") === -1) return void 0;
  const g = inetPton6(name);
  if (g === null) return void 0;
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 65535) return (g[6] << 16 | g[7]) >>> 0;
  return null;
}
function networkOf(family, address, mask) {
  if (family === 4) {
    const a2 = address;
    const m2 = mask;
    return { family, address: (a2 & m2) >>> 0, mask: m2, prefix: prefixOfMask(m2), hostBits: (a2 & ~m2) >>> 0 !== 0 };
  }
  const a = address;
  const m = mask;
  return { family, address: a.map((g, k) => g & m[k]), mask: m, prefix: prefixOfMask(m), hostBits: a.some((g, k) => (g & ~m[k] & 65535) !== 0) };
}
function parseGenericOne(item, family) {
  const slash = item.lastIndexOf("/");
  const name = slash === -1 ? item : item.slice(0, slash);
  let mask;
  if (slash === -1) mask = family === 4 ? 4294967295 : v6MaskOf(128);
  else {
    const text = item.slice(slash + 1);
    const numeric = family === 4 ? numericToIpv4(text, true) : inetPton6(text);
    if (numeric !== null) mask = numeric;
    else {
      const bits = xtStrtoul(text, 0, 0, family === 4 ? 32 : 128, true);
      if (bits === null) return refuse(`invalid mask \`${text}' specified`);
      mask = family === 4 ? v4MaskOf(bits.value) : v6MaskOf(bits.value);
    }
  }
  const zero = typeof mask === "number" ? mask === 0 : mask.every((g) => g === 0);
  if (zero) return accept(networkOf(family, family === 4 ? 0 : [0, 0, 0, 0, 0, 0, 0, 0], mask));
  const address = family === 4 ? numericToIpv4(name, false) : inetPton6(name);
  if (address !== null) return accept(networkOf(family, address, mask));
  if (family === 4) {
    const mapped = v4Mapped(name);
    if (mapped !== void 0 && mapped !== null) return accept(networkOf(family, mapped, mask));
    if (mapped === null) return refuse(`host/network \`${name}' not found`);
  }
  if (isEmptyName(name) || family === 6 && inetAton(name) !== null) return refuse(`host/network \`${name}' not found`);
  return unsure(`whether the node resolves the ${family === 4 ? "network or host" : "host"} name "${name}"`);
}
function parseAddressList(word, family) {
  const networks = [];
  let pending = null;
  let from = 0;
  for (; ; ) {
    while (from < word.length && isCSpace(word.charCodeAt(from))) from++;
    const comma = word.indexOf(",", from);
    const item = word.slice(from, comma === -1 ? word.length : comma);
    if (item.length > 255) return refuseAfter(refuse("Hostname too long"), pending);
    const one = parseGenericOne(item, family);
    if (one.kind === "refused") return refuseAfter(one, pending);
    if (one.kind === "unsure") pending ??= one;
    else networks.push(one.value);
    if (comma === -1) break;
    from = comma + 1;
  }
  return pending ?? accept(networks);
}
function parseHost(word, family) {
  const address = family === 4 ? inetAton(word) ?? v4Mapped(word) ?? null : inetPton6(word);
  if (address !== null) return accept(networkOf(family, address, family === 4 ? 4294967295 : v6MaskOf(128)));
  return unsure(`whether the node resolves the host name "${word}" to one ${family === 4 ? "IPv4" : "IPv6"} address`);
}
function parsePrefixLength(word, family, spec) {
  const hlen = family === 4 ? 32 : 128;
  const bits = xtStrtoul(word, 0, 0, hlen, true);
  if (bits !== null) return accept({ prefix: bits.value, mask: family === 4 ? v4MaskOf(bits.value) : v6MaskOf(bits.value) });
  const mask = family === 4 ? inetAton(word) : inetPton6(word);
  if (mask !== null) {
    const prefix = prefixOfMask(mask);
    return accept({ prefix, mask: prefix === null ? family === 4 ? 4294967295 : v6MaskOf(128) : family === 4 ? v4MaskOf(prefix) : v6MaskOf(prefix) });
  }
  return refuse(`${spec.extension}: bad value for option "--${spec.option}", neither a valid network mask nor valid CIDR (0-${hlen}).`);
}
function parseHostMask(word, family, spec) {
  const slash = word.indexOf("/");
  if (slash === -1) return parseHost(word, family);
  const host = parseHost(word.slice(0, slash), family);
  const plen = parsePrefixLength(word.slice(slash + 1), family, spec);
  if (host.kind === "refused") return host;
  if (host.kind === "unsure") return plen.kind === "refused" ? refuseAfter(plen, host) : host;
  if (plen.kind !== "value") return plen;
  const a = host.value.address;
  return accept(networkOf(family, a, plen.value.mask));
}
var formatIpv4 = (n) => `${n >>> 24}.${n >>> 16 & 255}.${n >>> 8 & 255}.${n & 255}`;
function formatIpv6(groups) {
  let bestBase = -1;
  let bestLen = 0;
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > bestLen) [bestBase, bestLen] = [k, end - k];
    k = end;
  }
  if (bestLen < 2) bestBase = -1;
  let out = "";
  for (let k = 0; k < 8; k++) {
    if (bestBase !== -1 && k >= bestBase && k < bestBase + bestLen) {
      if (k === bestBase) out += ":";
      continue;
    }
    if (k !== 0) out += ":";
    if (k === 6 && bestBase === 0 && (bestLen === 6 || bestLen === 7 && groups[7] !== 1 || bestLen === 5 && groups[5] === 65535)) {
      out += `${groups[6] >>> 8}.${groups[6] & 255}.${groups[7] >>> 8}.${groups[7] & 255}`;
      break;
    }
    out += groups[k].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ":";
  return out;
}

// rules/netfilter/values/enums.ts
function asciiLower(word) {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) return word.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return word;
}
var startsWithIgnoringCase = (name, word) => word.length <= name.length && asciiLower(name.slice(0, word.length)) === asciiLower(word);
var TCP_FLAGS = /* @__PURE__ */ new Map([["FIN", 1], ["SYN", 2], ["RST", 4], ["PSH", 8], ["ACK", 16], ["URG", 32], ["ALL", 63], ["NONE", 0]]);
var TCP_FLAGS_LOWER = new Map([...TCP_FLAGS].map(([name, bit]) => [name.toLowerCase(), bit]));
function parseTcpFlagList(word) {
  let bits = 0;
  for (const item of word.split(",")) {
    if (item.length === 0) continue;
    const bit = TCP_FLAGS_LOWER.get(asciiLower(item));
    if (bit === void 0) return refuse(`Unknown TCP flag \`${item}'`);
    bits |= bit;
  }
  return accept(bits);
}
function parseTcpFlags(mask, comp) {
  const m = parseTcpFlagList(mask);
  if (m.kind !== "value") return m;
  const c = parseTcpFlagList(comp);
  if (c.kind !== "value") return c;
  return accept({ mask: m.value, comp: c.value });
}
var CT_STATES = ["INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED", "SNAT", "DNAT"];
function prefixList(word, names2, bad) {
  const found = /* @__PURE__ */ new Set();
  let from = 0;
  for (; ; ) {
    const comma = word.indexOf(",", from);
    const item = word.slice(from, comma === -1 ? word.length : comma);
    const name = item.length === 0 ? void 0 : names2.find((n) => startsWithIgnoringCase(n, item));
    if (name === void 0) return refuse(bad(word.slice(from)));
    found.add(name);
    if (comma === -1) return accept(found);
    from = comma + 1;
  }
}
var parseCtState = (word) => prefixList(word, CT_STATES, (rest) => `Bad ctstate "${rest}"`);
var CT_STATUSES = ["NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED"];
var parseCtStatus = (word) => prefixList(word, CT_STATUSES, (rest) => `Bad ctstatus "${rest}"`);
function parseCtDir(word) {
  const lower = asciiLower(word);
  if (lower === "original") return accept("ORIGINAL");
  if (lower === "reply") return accept("REPLY");
  return refuse(`conntrack: Bad value for "--ctdir" option: "${word}"`);
}
var STATE_STATES = ["INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED"];
function parseState(word) {
  const last2 = word.lastIndexOf(",");
  if (last2 === word.length - 1) {
    const before2 = last2 === -1 ? accept(/* @__PURE__ */ new Set()) : prefixList(word.slice(0, last2), STATE_STATES, (rest) => `Bad state "${rest},"`);
    if (before2.kind !== "value" && last2 !== -1) return before2;
    return refuse('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED');
  }
  return prefixList(word, STATE_STATES, (rest) => `Bad state "${rest}"`);
}
var ICMP_NAMES = [
  ["any", 255, 0, 255],
  ["echo-reply", 0, 0, 255],
  ["pong", 0, 0, 255],
  ["destination-unreachable", 3, 0, 255],
  ["network-unreachable", 3, 0, 0],
  ["host-unreachable", 3, 1, 1],
  ["protocol-unreachable", 3, 2, 2],
  ["port-unreachable", 3, 3, 3],
  ["fragmentation-needed", 3, 4, 4],
  ["source-route-failed", 3, 5, 5],
  ["network-unknown", 3, 6, 6],
  ["host-unknown", 3, 7, 7],
  ["network-prohibited", 3, 9, 9],
  ["host-prohibited", 3, 10, 10],
  ["TOS-network-unreachable", 3, 11, 11],
  ["TOS-host-unreachable", 3, 12, 12],
  ["communication-prohibited", 3, 13, 13],
  ["host-precedence-violation", 3, 14, 14],
  ["precedence-cutoff", 3, 15, 15],
  ["source-quench", 4, 0, 255],
  ["redirect", 5, 0, 255],
  ["network-redirect", 5, 0, 0],
  ["host-redirect", 5, 1, 1],
  ["TOS-network-redirect", 5, 2, 2],
  ["TOS-host-redirect", 5, 3, 3],
  ["echo-request", 8, 0, 255],
  ["ping", 8, 0, 255],
  ["router-advertisement", 9, 0, 255],
  ["router-solicitation", 10, 0, 255],
  ["time-exceeded", 11, 0, 255],
  ["ttl-exceeded", 11, 0, 255],
  ["ttl-zero-during-transit", 11, 0, 0],
  ["ttl-zero-during-reassembly", 11, 1, 1],
  ["parameter-problem", 12, 0, 255],
  ["ip-header-bad", 12, 0, 0],
  ["required-option-missing", 12, 1, 1],
  ["timestamp-request", 13, 0, 255],
  ["timestamp-reply", 14, 0, 255],
  ["address-mask-request", 17, 0, 255],
  ["address-mask-reply", 18, 0, 255]
];
var ICMPV6_NAMES = [
  ["destination-unreachable", 1, 0, 255],
  ["no-route", 1, 0, 0],
  ["communication-prohibited", 1, 1, 1],
  ["beyond-scope", 1, 2, 2],
  ["address-unreachable", 1, 3, 3],
  ["port-unreachable", 1, 4, 4],
  ["failed-policy", 1, 5, 5],
  ["reject-route", 1, 6, 6],
  ["packet-too-big", 2, 0, 255],
  ["time-exceeded", 3, 0, 255],
  ["ttl-exceeded", 3, 0, 255],
  ["ttl-zero-during-transit", 3, 0, 0],
  ["ttl-zero-during-reassembly", 3, 1, 1],
  ["parameter-problem", 4, 0, 255],
  ["bad-header", 4, 0, 0],
  ["unknown-header-type", 4, 1, 1],
  ["unknown-option", 4, 2, 2],
  ["echo-request", 128, 0, 255],
  ["ping", 128, 0, 255],
  ["echo-reply", 129, 0, 255],
  ["pong", 129, 0, 255],
  ["router-solicitation", 133, 0, 255],
  ["router-advertisement", 134, 0, 255],
  ["neighbour-solicitation", 135, 0, 255],
  ["neighbor-solicitation", 135, 0, 255],
  ["neighbour-advertisement", 136, 0, 255],
  ["neighbor-advertisement", 136, 0, 255],
  ["redirect", 137, 0, 255]
];
var oneByte = (c) => c.charCodeAt(0) < 128 ? c : "\uFFFD";
function icmpRange(word, from) {
  const a = xtStrtoul(word, from, 0, 255, false);
  if (a === null) return null;
  if (word[a.end] !== ":") return { low: a.value, high: a.value, end: a.end };
  const b = xtStrtoul(word, a.end + 1, 0, 255, false);
  if (b === null) return null;
  return { low: a.value, high: b.value, end: b.end };
}
function parseIcmpType(word, family) {
  const names2 = family === 4 ? ICMP_NAMES : ICMPV6_NAMES;
  const kind = family === 4 ? "ICMP" : "ICMPv6";
  let match = -1;
  for (let i = 0; i < names2.length; i++) {
    if (!startsWithIgnoringCase(names2[i][0], word)) continue;
    if (match !== -1) return refuse(`Ambiguous ${kind} type \`${word}': \`${names2[match][0]}' or \`${names2[i][0]}'?`);
    match = i;
  }
  if (match !== -1) {
    const [, type2, codeMin2, codeMax2] = names2[match];
    return accept({ type: type2, codeMin: codeMin2, codeMax: codeMax2 });
  }
  const type = icmpRange(word, 0);
  if (type === null) return refuse(`Unknown ${kind} type \`${word}'`);
  let codeMin = 0;
  let codeMax = 255;
  if (type.end < word.length) {
    if (word[type.end] !== "/") return refuse(`unknown character ${oneByte(word[type.end])}`);
    const code = icmpRange(word, type.end + 1);
    if (code === null) return refuse(`Unknown ${kind} code \`${word}'`);
    if (code.end < word.length) return refuse(`unknown character ${oneByte(word[code.end])}`);
    codeMin = code.low;
    codeMax = code.high;
  }
  if (type.low !== type.high) return refuse(`${kind} type range not supported`);
  return accept({ type: type.low, codeMin, codeMax });
}
var REJECT_TYPES = {
  4: [
    ["icmp-net-unreachable", "net-unreach"],
    ["icmp-host-unreachable", "host-unreach"],
    ["icmp-proto-unreachable", "proto-unreach"],
    ["icmp-port-unreachable", "port-unreach"],
    ["icmp-net-prohibited", "net-prohib"],
    ["icmp-host-prohibited", "host-prohib"],
    ["tcp-reset", "tcp-rst"],
    ["icmp-admin-prohibited", "admin-prohib"]
  ],
  6: [
    ["icmp6-no-route", "no-route"],
    ["icmp6-adm-prohibited", "adm-prohibited"],
    ["icmp6-addr-unreachable", "addr-unreach"],
    ["icmp6-port-unreachable", "port-unreach"],
    ["tcp-reset", "tcp-reset"],
    ["icmp6-policy-fail", "policy-fail"],
    ["icmp6-reject-route", "reject-route"]
  ]
};
function parseRejectWith(word, family) {
  for (const [name, alias] of REJECT_TYPES[family]) if (startsWithIgnoringCase(name, word) || startsWithIgnoringCase(alias, word)) return accept(name);
  return refuse(`unknown reject type "${word}"`);
}
var ADDRESS_TYPES = ["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"];
function parseAddressTypes(word) {
  let mask = 0;
  let at = 0;
  for (; ; ) {
    const comma = word.indexOf(",", at);
    const part = comma === -1 ? word.slice(at) : word.slice(at, comma);
    const bit = part.length === 0 ? -1 : ADDRESS_TYPES.findIndex((name) => startsWithIgnoringCase(name, part));
    if (bit === -1) return refuse(comma === -1 ? `addrtype: bad type "${part}"` : `addrtype: bad type \`${word.slice(at)}'`);
    mask |= 1 << bit;
    if (comma === -1) return accept(mask);
    at = comma + 1;
  }
}
function parseStatisticMode(word) {
  return word === "random" || word === "nth" ? accept(word) : refuse(`Bad mode "${word}"`);
}

// rules/netfilter/values/integers.ts
var BITS = { UINT8: 8, UINT16: 16, UINT32: 32, UINT64: 64 };
var MAX = { UINT8: 255, UINT16: 65535, UINT32: 4294967295, UINT64: 0 };
function parseUint(type, word, spec) {
  const min = spec.min ?? 0;
  const max = spec.max || MAX[type];
  const n = xtStrtoul(word, 0, min, max, true);
  if (n === null) return refuse(`${spec.extension}: bad value for option "--${spec.option}", or out of range (${min}-${max}).`);
  return accept(n.value);
}
function parseUint64(word, spec) {
  const min = BigInt(spec.min ?? 0);
  const max = spec.max ? BigInt(spec.max) : (1n << 64n) - 1n;
  const n = xtStrtoull(word, 0, min, max, true);
  if (n === null) return refuse(`${spec.extension}: bad value for option "--${spec.option}", or out of range (${min}-${max}).`);
  return accept(n.value);
}
function parseUintRange(type, word, spec) {
  const base = type.slice(0, -2);
  const bits = BITS[base];
  const esize = bits / 8;
  const maxIter = spec.size ? Math.floor(spec.size / esize) : 2;
  const lmax = base === "UINT64" ? (1n << 64n) - 1n : BigInt(MAX[base]);
  const parts = [];
  let at = 0;
  for (; ; ) {
    if (parts.length === maxIter) return refuse(`${spec.extension}: Too many components for option "--${spec.option}" (max: ${maxIter})`);
    let end;
    let value;
    if (at >= word.length || word[at] === ":") {
      end = at;
      value = parts.length === 1 ? lmax : 0n;
    } else {
      const n = xtStrtoull(word, at, 0n, lmax, false);
      if (n === null) return refuse(`${spec.extension}: bad value for option "--${spec.option}" near "${word.slice(at)}", or out of range (0-${lmax}).`);
      end = n.end;
      value = n.value;
      if (end < word.length && word[end] !== ":") return refuse(`${spec.extension}: Argument to "--${spec.option}" has unexpected characters near "${word.slice(end)}".`);
    }
    parts.push(base === "UINT64" ? value : Number(value));
    if (end >= word.length) break;
    at = end + 1;
  }
  return accept({ parts });
}
function parseConnbytes(word) {
  const r = parseUintRange("UINT64RC", word, { extension: "connbytes", option: "connbytes" });
  if (r.kind !== "value") return r;
  const from = r.value.parts[0];
  const to = r.value.parts.length === 2 ? r.value.parts[1] : (1n << 64n) - 1n;
  if (to < from) return refuse(`${from} should be less than ${to}`);
  return accept({ from, to });
}

// rules/netfilter/values/limit.ts
var LIMIT_SCALE = 1e4;
var UNITS = [["second", 1], ["minute", 60], ["hour", 3600], ["day", 86400]];
function parseLimitRate(word) {
  const bad = () => refuse(`bad rate "${word}"'`);
  const slash = word.indexOf("/");
  let unitSeconds = 1;
  if (slash !== -1) {
    const unit = word.slice(slash + 1);
    if (unit.length === 0) return bad();
    const found = UNITS.find(([name]) => startsWithIgnoringCase(name, unit));
    if (found === void 0) return bad();
    unitSeconds = found[1];
  }
  const count = atoi(word) >>> 0;
  if (count === 0) return bad();
  const avg = Math.floor(LIMIT_SCALE * unitSeconds / count) >>> 0;
  if (avg === 0) return refuse(`Rate too fast "${word}"`);
  return accept({ count, unitSeconds, avg });
}
var parseLimitBurst = (word) => parseUint("UINT32", word, { extension: "limit", option: "limit-burst", min: 0, max: 1e4 });

// rules/netfilter/values/ports.ts
var KNOWN_SERVICES = {
  tcp: /* @__PURE__ */ new Map([
    ["ftp-data", 20],
    ["ftp", 21],
    ["ssh", 22],
    ["telnet", 23],
    ["smtp", 25],
    ["domain", 53],
    ["http", 80],
    ["www", 80],
    ["pop3", 110],
    ["sunrpc", 111],
    ["bgp", 179],
    ["ldap", 389],
    ["https", 443],
    ["submission", 587],
    ["ldaps", 636],
    ["imaps", 993],
    ["pop3s", 995],
    ["mysql", 3306],
    ["postgresql", 5432]
  ]),
  udp: /* @__PURE__ */ new Map([["domain", 53], ["bootps", 67], ["bootpc", 68], ["tftp", 69], ["ntp", 123], ["snmp", 161], ["isakmp", 500], ["syslog", 514]])
};
var KNOWN_ANY = new Map([...KNOWN_SERVICES.tcp, ...KNOWN_SERVICES.udp]);
function lookUpService(word, known = KNOWN_ANY, proto = "tcp or udp") {
  const port = known.get(word);
  if (port !== void 0) return accept(port);
  if (!couldBeServiceName(word)) return null;
  return unsure(`whether /etc/services on the node names a ${proto} service "${word}"`);
}
function couldBeServiceName(word) {
  if (word.length === 0) return false;
  let digits = true;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (isCSpace(c) || c === 35 || c === 0 || c === 58 || c === 44) return false;
    if (!(c >= 48 && c <= 57) && !(k === 0 && (c === 43 || c === 45))) digits = false;
  }
  return !digits;
}
function parsePortNumberOrService(word, proto) {
  const n = xtStrtoul(word, 0, 0, 65535, true);
  if (n !== null) return accept(n.value);
  const known = proto === "tcp" || proto === "udp" ? KNOWN_SERVICES[proto] : /* @__PURE__ */ new Map();
  return lookUpService(word, known, proto) ?? refuse(`invalid port/service \`${word}' specified`);
}
function parseTcpPorts(word) {
  const colon = word.indexOf(":");
  if (colon === -1) {
    const p = parsePortNumberOrService(word, "tcp");
    return p.kind === "value" ? accept({ min: p.value, max: p.value }) : p;
  }
  const low = colon === 0 ? accept(0) : parsePortNumberOrService(word.slice(0, colon), "tcp");
  if (low.kind === "refused") return low;
  const high = colon === word.length - 1 ? accept(65535) : parsePortNumberOrService(word.slice(colon + 1), "tcp");
  if (high.kind === "refused") return refuseAfter(high, low.kind === "unsure" ? low : null);
  if (low.kind === "unsure") return low;
  if (high.kind === "unsure") return high;
  if (low.value > high.value) return refuse("invalid portrange (min > max)");
  return accept({ min: low.value, max: high.value });
}
function parseXtPort(word) {
  if (word.length === 0) return accept(0);
  {
    const n = strtoumax(word, 0, 10);
    if (n.end === word.length && n.end > 0) {
      const asInt = Number(BigInt.asIntN(32, n.big ?? BigInt(n.value)));
      if (n.overflow) return null;
      if (asInt >= 0) return accept(asInt & 65535);
      return null;
    }
  }
  return lookUpService(word, KNOWN_ANY, "tcp or udp");
}
function parsePort(word) {
  return parseXtPort(word) ?? refuse(`Port "${word}" does not resolve to anything.`);
}
function parsePortRange(word, spec) {
  const maxIter = spec.size ? Math.floor(spec.size / 2) : 2;
  const range2 = [0, 65535];
  let count = 0;
  let from = 0;
  let pending = null;
  for (; ; ) {
    const colon = word.indexOf(":", from);
    const part = word.slice(from, colon === -1 ? word.length : colon);
    if (count === maxIter) return refuseAfter(refuse(`${spec.extension}: Too many components for option "--${spec.option}" (max: ${maxIter})`), pending);
    if (part.length > 0) {
      const port = parsePort(part);
      if (port.kind === "refused") return refuseAfter(port, pending);
      if (port.kind === "unsure") pending ??= port;
      else if (count < 2) range2[count] = port.value;
    }
    count++;
    if (colon === -1) break;
    from = colon + 1;
  }
  if (pending !== null) return pending;
  if (count === 1) range2[1] = range2[0];
  return accept({ min: range2[0], max: range2[1] });
}
var MULTIPORT_SLOTS = 15;
function parseMultiport(word, proto) {
  const ports = [];
  let slot = 0;
  let from = 0;
  let pending = null;
  let more = true;
  while (more && slot < MULTIPORT_SLOTS) {
    const comma = word.indexOf(",", from);
    more = comma !== -1;
    const item = word.slice(from, more ? comma : word.length);
    from = comma + 1;
    const colon = item.indexOf(":");
    if (colon !== -1 && slot === MULTIPORT_SLOTS - 1) return refuseAfter(refuse("too many ports specified"), pending);
    const first2 = parsePortNumberOrService(colon === -1 ? item : item.slice(0, colon), proto);
    if (first2.kind === "refused") return refuseAfter(first2, pending);
    if (colon === -1) {
      if (first2.kind === "unsure") pending ??= first2;
      else ports.push({ min: first2.value, max: first2.value });
      slot++;
      continue;
    }
    const second = parsePortNumberOrService(item.slice(colon + 1), proto);
    if (first2.kind === "unsure") pending ??= first2;
    if (second.kind === "refused") return refuseAfter(second, pending);
    slot += 2;
    if (first2.kind === "unsure" || second.kind === "unsure") {
      if (second.kind === "unsure") pending ??= second;
      continue;
    }
    if (first2.value >= second.value) return refuseAfter(refuse("invalid portrange specified"), pending);
    ports.push({ min: first2.value, max: second.value });
  }
  if (more) return refuseAfter(refuse("too many ports specified"), pending);
  return pending ?? accept({ ports, slots: slot });
}

// rules/netfilter/values/nat.ts
var PORT_PROTOCOLS = /* @__PURE__ */ new Set(["tcp", "udp", "sctp", "dccp", "icmp", "6", "17", "132", "33", "1"]);
var NO_PORT_PROTOCOLS = /* @__PURE__ */ new Set(["all", "0", "icmpv6", "ipv6-icmp", "58", "esp", "50", "ah", "51", "gre", "47", "udplite", "136"]);
function portsAllowed(proto) {
  if (proto === null) return false;
  const p = proto.toLowerCase();
  return PORT_PROTOCOLS.has(p) ? true : NO_PORT_PROTOCOLS.has(p) ? false : null;
}
var NEED_PORT_PROTOCOL = "Need TCP, UDP, SCTP or DCCP with port specification";
function parseNatPorts(word, proto) {
  const allowed = portsAllowed(proto);
  if (allowed === null) return unsure(`whether the node's /etc/protocols names "${proto}" TCP, UDP, SCTP or DCCP`);
  if (!allowed) return refuse(NEED_PORT_PROTOCOL);
  const range2 = natPortRange(word);
  return range2.kind === "value" && word.includes("/") ? unsure("whether the target takes a shifted port range") : range2;
}
function natPortRange(arg) {
  const first2 = xtStrtoul(arg, 0, 0, 65535, false);
  if (first2 === null) {
    const service = lookUpService(arg);
    if (service === null) return refuse(`Port \`${arg}' not valid`);
    return service.kind === "value" ? accept({ min: service.value, max: service.value }) : service;
  }
  if (first2.end === arg.length) return accept({ min: first2.value, max: first2.value });
  if (arg[first2.end] === ":") return refuse("Invalid port:port syntax - use dash");
  if (arg[first2.end] !== "-") return refuse(`Garbage after port value: \`${arg.slice(first2.end)}'`);
  const rest = arg.slice(first2.end + 1);
  const last2 = xtStrtoul(rest, 0, 0, 65535, false);
  if (last2 === null) return refuse(`Port \`${rest}' not valid`);
  if (last2.value < first2.value) return refuse(`Port range \`${rest}' funky`);
  if (last2.end === rest.length) return accept({ min: first2.value, max: last2.value });
  if (rest[last2.end] !== "/") return refuse(`Garbage after port range: \`${rest.slice(last2.end)}'`);
  const base = rest.slice(last2.end + 1);
  if (xtStrtoul(base, 0, 1, 65535, false) === null) {
    const service = lookUpService(base);
    if (service === null) return refuse(`Port \`${base}' not valid`);
    if (service.kind === "unsure") return service;
  }
  return accept({ min: first2.value, max: last2.value });
}

// rules/netfilter/values/scalars.ts
var BUILTIN_PROTOCOLS = /* @__PURE__ */ new Map([
  ["tcp", 6],
  ["sctp", 132],
  ["udp", 17],
  ["udplite", 136],
  ["icmp", 1],
  ["ipv6-icmp", 58],
  ["icmpv6", 58],
  ["esp", 50],
  ["ah", 51],
  ["mobility-header", 135],
  ["ipv6-mh", 135],
  ["mh", 135],
  ["all", 0]
]);
function parseProtocol(word, lowerCase = false) {
  const text = lowerCase ? asciiLower(word) : word;
  const n = xtStrtoul(text, 0, 0, 255, true);
  if (n !== null) return accept(n.value);
  const builtin = BUILTIN_PROTOCOLS.get(text);
  if (builtin !== void 0) return accept(builtin);
  let digits = text.length > 0;
  let blank = text.length === 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isCSpace(c) || c === 35) blank = true;
    if (!(c >= 48 && c <= 57)) digits = false;
  }
  if (blank || digits) return refuse(`unknown protocol "${text}" specified`);
  return unsure(`whether /etc/protocols on the node names a protocol "${text}"`);
}
function parseString(word, spec) {
  const bytes = byteLength(word);
  if (spec.min && bytes < spec.min) return refuse(`Argument must have a minimum length of ${spec.min} characters`);
  if (spec.max && bytes > spec.max) return refuse(`Argument must have a maximum length of ${spec.max} characters`);
  if (spec.size && bytes > spec.size - 1) {
    const cut = Buffer.from(word, "utf8").subarray(0, spec.size - 1).toString("utf8");
    return accept({ text: cut, truncated: true, bytes: spec.size - 1 });
  }
  return accept({ text: word, truncated: false, bytes });
}
var parseComment = (word) => parseString(word, { extension: "comment", option: "comment", size: 256 });
function parseLogPrefix(word) {
  const s = parseString(word, { extension: "LOG", option: "log-prefix", min: 1, size: 30 });
  if (s.kind === "value" && word.indexOf("\n") !== -1) return refuse("Newlines not allowed in --log-prefix");
  return s;
}
var SYSLOG_LEVELS = /* @__PURE__ */ new Map([
  ["alert", 1],
  ["crit", 2],
  ["debug", 7],
  ["emerg", 0],
  ["error", 3],
  ["info", 6],
  ["notice", 5],
  ["panic", 0],
  ["warning", 4]
]);
function parseSyslogLevel(word) {
  const n = xtStrtoul(word, 0, 0, 7, true);
  if (n !== null) return accept(n.value);
  const level = SYSLOG_LEVELS.get(word);
  return level === void 0 ? refuse(`log level "${word}" unknown`) : accept(level);
}
function parseMarkMask(word, spec) {
  const bad = () => refuse(`${spec.extension}: bad integer value for option "--${spec.option}", or out of range.`);
  const garbage = () => refuse(`${spec.extension}: trailing garbage after value for option "--${spec.option}".`);
  const v = xtStrtoul(word, 0, 0, 4294967295, false);
  if (v === null) return bad();
  if (v.end === word.length) return accept({ value: v.value, mask: 4294967295 });
  if (word[v.end] !== "/") return garbage();
  const m = xtStrtoul(word, v.end + 1, 0, 4294967295, false);
  if (m === null) return bad();
  if (m.end !== word.length) return garbage();
  return accept({ value: v.value, mask: m.value });
}
var TOS_NAMES = /* @__PURE__ */ new Map([
  ["minimize-delay", 16],
  ["maximize-throughput", 8],
  ["maximize-reliability", 4],
  ["minimize-cost", 2],
  ["normal-service", 0]
]);
function parseTosMask(word, defaultMask) {
  const v = xtStrtoul(word, 0, 0, 255, false);
  if (v !== null) {
    if (v.end === word.length) return accept({ value: v.value, mask: 255 });
    if (word[v.end] !== "/") return refuse(`Illegal value: "${word}"`);
    const m = xtStrtoul(word, v.end + 1, 0, 255, false);
    if (m === null || m.end !== word.length) return refuse(`Illegal value: "${word}"`);
    return accept({ value: v.value, mask: m.value });
  }
  const named = TOS_NAMES.get(asciiLower(word));
  return named === void 0 ? refuse(`Symbolic name "${word}" is unknown`) : accept({ value: named, mask: defaultMask });
}
function parseEtherMac(word) {
  const bytes = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const n = strtoumax(word, at, 16);
    const end = n.end === at ? at : n.end;
    if (end - at > 2) return refuse("Invalid MAC address specified.");
    if (i < 5 ? word[end] !== ":" : end !== word.length) return refuse("Invalid MAC address specified.");
    bytes.push(Number((n.big ?? BigInt(n.value)) & 0xffn));
    at = end + 1;
  }
  return accept(bytes);
}
function parseInterface(word) {
  if (word.length === 0) return refuse("Empty interface is likely to be undesired");
  if (byteLength(word) > 15) return refuse(`interface name \`${word}' must be shorter than IFNAMSIZ (15)`);
  return accept({ name: word, wildcard: word.endsWith("+"), weird: word.indexOf("/") !== -1 || word.indexOf(" ") !== -1 });
}

// rules/netfilter/values/index.ts
var XT_TYPES = [
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "UINT8RC",
  "UINT16RC",
  "UINT32RC",
  "UINT64RC",
  "DOUBLE",
  "STRING",
  "TOSMASK",
  "MARKMASK32",
  "SYSLOGLEVEL",
  "HOST",
  "HOSTMASK",
  "PROTOCOL",
  "PORT",
  "PORTRC",
  "PLEN",
  "PLENMASK",
  "ETHERMAC"
];
function parseValue(type, word, spec, family) {
  switch (type) {
    case "UINT8":
    case "UINT16":
    case "UINT32":
      return parseUint(type, word, spec);
    case "UINT64":
      return parseUint64(word, spec);
    case "UINT8RC":
    case "UINT16RC":
    case "UINT32RC":
    case "UINT64RC":
      return parseUintRange(type, word, spec);
    case "DOUBLE":
      return parseDouble(word, spec);
    case "STRING":
      return parseString(word, spec);
    case "TOSMASK":
      return parseTosMask(word, spec.max || 255);
    case "MARKMASK32":
      return parseMarkMask(word, spec);
    case "SYSLOGLEVEL":
      return parseSyslogLevel(word);
    case "HOST":
      return parseHost(word, family);
    case "HOSTMASK":
      return parseHostMask(word, family, spec);
    case "PROTOCOL":
      return parseProtocol(word);
    case "PORT":
      return parsePort(word);
    case "PORTRC":
      return parsePortRange(word, spec);
    case "PLEN":
    case "PLENMASK":
      return parsePrefixLength(word, family, spec);
    case "ETHERMAC":
      return parseEtherMac(word);
  }
}
function parseDouble(word, spec) {
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  const value = cStrtod(word);
  if (value === null && /^[ \t\n\v\f\r]*[+-]?(?:0x|nan\()/i.test(word)) return unsure(`how C's strtod reads "${word}"`);
  if (value === null || min !== max && (value < min || value > max)) return refuse(`${spec.extension}: bad value for option "--${spec.option}", or out of range (${min}-${max}).`);
  return accept(value);
}
function cStrtod(word) {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(inf(?:inity)?)|(nan))$/i.exec(word);
  if (m === null) return null;
  if (m[3] !== void 0) return m[1] === "-" ? -Infinity : Infinity;
  if (m[4] !== void 0) return NaN;
  return Number(m[1] + m[2]);
}
var EXTENSION_PARSERS = /* @__PURE__ */ new Map([
  ["ext:tcp:sport", (w) => parseTcpPorts(w)],
  ["ext:tcp:source-port", (w) => parseTcpPorts(w)],
  ["ext:tcp:dport", (w) => parseTcpPorts(w)],
  ["ext:tcp:destination-port", (w) => parseTcpPorts(w)],
  ["ext:tcp:tcp-flags", (w) => parseTcpFlagList(w)],
  ["ext:multiport:sports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:source-ports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:dports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:destination-ports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:ports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:conntrack:ctstate", (w) => parseCtState(w)],
  ["ext:conntrack:ctstatus", (w) => parseCtStatus(w)],
  ["ext:conntrack:ctdir", (w) => parseCtDir(w)],
  ["ext:state:state", (w) => parseState(w)],
  ["ext:icmp:icmp-type", (w) => parseIcmpType(w, 4)],
  ["ext:icmp6:icmpv6-type", (w) => parseIcmpType(w, 6)],
  ["ext:REJECT:reject-with", (w, f) => parseRejectWith(w, f)],
  ["ext:LOG:log-level", (w) => parseSyslogLevel(w)],
  ["ext:LOG:log-prefix", (w) => parseLogPrefix(w)],
  ["ext:comment:comment", (w) => parseComment(w)],
  ["ext:limit:limit", (w) => parseLimitRate(w)],
  ["ext:limit:limit-burst", (w) => parseLimitBurst(w)],
  ["ext:connbytes:connbytes", (w) => parseConnbytes(w)],
  ["ext:addrtype:src-type", (w) => parseAddressTypes(w)],
  ["ext:addrtype:dst-type", (w) => parseAddressTypes(w)],
  ["ext:statistic:mode", (w) => parseStatisticMode(w)],
  // Not DNAT's --to-destination nor SNAT's --to-source (parseNatTo): reading kube-proxy's 50,000
  // distinct endpoints cost a lint of its dump 4-6 ms, measured, for values iptables-save never
  // prints wrong.
  ["ext:MASQUERADE:to-ports", (w, _f, p) => parseNatPorts(w, p)],
  ["ext:REDIRECT:to-ports", (w, _f, p) => parseNatPorts(w, p)]
]);
var PROTOCOL_READING_TARGETS = /* @__PURE__ */ new Set(["MASQUERADE", "REDIRECT"]);
function extensionParser(extension, option2) {
  return EXTENSION_PARSERS.get(`ext:${extension}:${option2.replace(/^-+/, "")}`);
}
var parseGenericProtocol = (word) => parseProtocol(word, true);
var parseGenericAddresses = (word, family) => parseAddressList(word, family);
var parseGenericInterface = parseInterface;

// rules/packet/addresses.ts
var V4_DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
var bitsOf = (family) => family === 4 ? 32 : 128;
var allOnes = (family) => family === 4 ? 0xffffffffn : (1n << 128n) - 1n;
var masks4 = [];
function prefixMask(family, prefix) {
  if (family === 4 && Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) return masks4[prefix] ??= maskOf(4, prefix);
  return maskOf(family, prefix);
}
function maskOf(family, prefix) {
  const bits = BigInt(bitsOf(family));
  return prefix === 0 ? 0n : allOnes(family) >> bits - BigInt(prefix) << bits - BigInt(prefix);
}
function parseAddress(text) {
  const v4 = dottedQuad(text);
  if (v4 !== -1) return { family: 4, address: BigInt(v4) };
  const m = V4_DOTTED.exec(text);
  if (m !== null) {
    const parts = m.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { family: 4, address: BigInt((parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]) >>> 0) };
  }
  if (!text.includes(":")) return null;
  const groups = inetPton6(text);
  if (groups === null) return null;
  return { family: 6, address: groupsToBig(groups) };
}
function dottedQuad(text) {
  let value = 0;
  let group = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
      group = group * 10 + (c - 48);
    } else if (c === 46 && digits > 0 && dots < 3) {
      if (group > 255) return -1;
      value = value * 256 + group;
      group = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || group > 255) return -1;
  return value * 256 + group;
}
function parseNet(text, family) {
  const slash = text.indexOf("/");
  const a = parseAddress(slash === -1 ? text : text.slice(0, slash));
  if (a === null || family !== void 0 && a.family !== family) return null;
  const bits = bitsOf(a.family);
  const prefix = slash === -1 ? bits : /^\d{1,3}$/.test(text.slice(slash + 1)) ? Number(text.slice(slash + 1)) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  const mask = prefixMask(a.family, prefix);
  return { network: a.address & mask, mask, prefix, exact: prefix === bits };
}
function groupsToBig(groups) {
  let v = 0n;
  for (const g of groups) v = v << 16n | BigInt(g);
  return v;
}
function bigToGroups(v) {
  const groups = [];
  for (let k = 7; k >= 0; k--) groups.push(Number(v >> BigInt(16 * k) & 0xffffn));
  return groups;
}
function netOf(n) {
  const toBig = (x) => typeof x === "number" ? BigInt(x >>> 0) : groupsToBig(x);
  const mask = toBig(n.mask);
  return { network: toBig(n.address) & mask, mask, prefix: n.prefix, exact: mask === allOnes(n.family) };
}
var inNet = (address, net) => net.exact === true ? address === net.network : (address & net.mask) === net.network;
var formatAddress = (family, address) => family === 4 ? formatIpv4(Number(address)) : formatIpv6(bigToGroups(address));
function formatNet(family, net) {
  const text = formatAddress(family, net.network);
  return net.prefix === bitsOf(family) ? text : `${text}/${net.prefix ?? formatAddress(family, net.mask)}`;
}

// rules/packet/packet.ts
var PacketSyntaxError = class extends Error {
  constructor(column, reason) {
    super(`column ${column}: ${reason}`);
    this.column = column;
    this.reason = reason;
  }
};
var PORTED = /* @__PURE__ */ new Set(["tcp", "udp", "sctp", "udplite", "dccp"]);
function tokenize(text) {
  const tokens = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) tokens.push({ text: m[0], column: m.index + 1 });
  return tokens;
}
function parsePacket(text) {
  const tokens = tokenize(text);
  let at = 0;
  const end = text.length + 1;
  const next2 = (what) => {
    const t = tokens[at++];
    if (t === void 0) throw new PacketSyntaxError(end, `expected ${what}, found the end of the packet`);
    return t;
  };
  const protoToken = next2("a protocol (tcp, udp, sctp, icmp, icmpv6)");
  let protocol = protoToken.text.toLowerCase();
  if (protocol === "ipv6-icmp" || protocol === "icmp6") protocol = "icmpv6";
  let protocolNumber2 = BUILTIN_PROTOCOLS.get(protocol);
  if (protocolNumber2 === void 0 && /^\d{1,3}$/.test(protocol) && Number(protocol) <= 255) protocolNumber2 = Number(protocol);
  if (protocolNumber2 === void 0 || protocolNumber2 === 0) throw new PacketSyntaxError(protoToken.column, `unknown protocol "${protoToken.text}" (tcp, udp, sctp, icmp, icmpv6 or a number)`);
  const ported = PORTED.has(protocol);
  const endpoint = (t) => {
    let address = t.text;
    let port = null;
    if (address.startsWith("[")) {
      const close = address.indexOf("]");
      if (close === -1) throw new PacketSyntaxError(t.column, `"${t.text}" opens [ without closing it`);
      if (close < address.length - 1) {
        if (address[close + 1] !== ":") throw new PacketSyntaxError(t.column + close + 1, `expected ":PORT" after "]"`);
        port = address.slice(close + 2);
      }
      address = address.slice(1, close);
    } else if (address.split(":").length === 2) {
      [address, port] = address.split(":");
    }
    const parsed = parseAddress(address);
    if (parsed === null) throw new PacketSyntaxError(t.column, `"${address}" is not an IPv4 or IPv6 address`);
    let portNumber = null;
    if (port !== null) {
      const portColumn = t.column + t.text.lastIndexOf(":") + 1;
      if (!ported) throw new PacketSyntaxError(portColumn, `${protocol} has no ports`);
      if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new PacketSyntaxError(portColumn, `"${port}" is not a port (0-65535)`);
      portNumber = Number(port);
    } else if (ported) throw new PacketSyntaxError(t.column + t.text.length, `${protocol} needs a port: ADDRESS:PORT (IPv6: [ADDRESS]:PORT)`);
    return { ...parsed, text: address, port: portNumber };
  };
  const source = endpoint(next2("the source address"));
  const arrow = next2(`"->"`);
  if (arrow.text !== "->") throw new PacketSyntaxError(arrow.column, `expected "->", found "${arrow.text}"`);
  const destinationToken = next2("the destination address");
  const destination = endpoint(destinationToken);
  if (destination.family !== source.family) throw new PacketSyntaxError(destinationToken.column, "the source and destination are of different families");
  const family = source.family;
  if (protocol === "icmp" && family === 6) throw new PacketSyntaxError(protoToken.column, "an IPv6 packet's ICMP is icmpv6");
  if (protocol === "icmpv6" && family === 4) throw new PacketSyntaxError(protoToken.column, "icmpv6 is for IPv6 addresses; IPv4 uses icmp");
  let inInterface;
  let icmpType = null;
  let icmpCode = null;
  while (at < tokens.length) {
    const word = next2("in, out or type");
    if (word.text === "in") {
      if (inInterface !== void 0) throw new PacketSyntaxError(word.column, "the direction is given twice");
      const iface = next2("the interface the packet arrives on");
      if (!/^[^\s/:]{1,15}$/.test(iface.text)) throw new PacketSyntaxError(iface.column, `"${iface.text}" is not an interface name`);
      inInterface = iface.text;
    } else if (word.text === "out") {
      if (inInterface !== void 0) throw new PacketSyntaxError(word.column, "the direction is given twice");
      inInterface = null;
    } else if (word.text === "type") {
      if (protocol !== "icmp" && protocol !== "icmpv6") throw new PacketSyntaxError(word.column, `only icmp and icmpv6 packets have a type`);
      const t = next2("an ICMP type (echo-request, 8, 3/1)");
      const parsed = parseIcmpType(t.text, family);
      if (parsed.kind !== "value" || parsed.value.type === 255) throw new PacketSyntaxError(t.column, `"${t.text}" is not an ${family === 4 ? "ICMP" : "ICMPv6"} type`);
      icmpType = parsed.value.type;
      icmpCode = parsed.value.codeMin;
    } else {
      throw new PacketSyntaxError(word.column, `expected "in IFACE", "out" or "type", found "${word.text}"`);
    }
  }
  if (inInterface === void 0) throw new PacketSyntaxError(end, `expected "in IFACE" (a packet arriving) or "out" (a packet the node sends)`);
  if ((protocol === "icmp" || protocol === "icmpv6") && icmpType === null) {
    icmpType = protocol === "icmp" ? 8 : 128;
    icmpCode = 0;
  }
  return {
    family,
    protocol,
    protocolNumber: protocolNumber2,
    source: source.text,
    destination: destination.text,
    sourcePort: source.port,
    destinationPort: destination.port,
    icmpType,
    icmpCode,
    inInterface
  };
}

// rules/packet/node.ts
var NodeInputError = class extends Error {
};
var NodeInfo = class {
  constructor(input = {}) {
    this.addresses = [];
    this.routes = [];
    /** By address: an IPv4 address as a number (hashed faster than a bigint), an IPv6 one as a bigint. */
    this.localCache = /* @__PURE__ */ new Map();
    if (input.addresses !== void 0) this.addresses.push(...readAddresses(input.addresses));
    for (const word of input.local ?? []) {
      for (const item of word.split(",").filter((s) => s !== "")) {
        const a = parseAddress(item);
        if (a === null) throw new NodeInputError(`--local: "${item}" is not an IPv4 or IPv6 address`);
        this.addresses.push({ iface: "", family: a.family, address: a.address, prefix: bitsOf(a.family), broadcast: null });
      }
    }
    for (const routes of input.routes ?? []) this.routes.push(...readRoutes(routes));
    for (const spec of input.route ?? []) this.routes.push(routeOfSpec(spec));
    this.addressesKnown = input.addresses !== void 0 || (input.local ?? []).length > 0;
    this.routesKnown = (input.routes ?? []).length > 0 || (input.route ?? []).length > 0;
    this.sets = input.ipset === void 0 ? null : readIpsets(input.ipset);
    this.ipRules = { 4: input.rules4 === void 0 ? null : readRules(input.rules4, 4), 6: input.rules6 === void 0 ? null : readRules(input.rules6, 6) };
  }
  /**
   * The route the kernel takes for a packet by the policy routing rules (`ip rule`): the first
   * rule, by priority, that takes the packet and whose table has a route; without rules, as
   * route(). A rule the walk cannot decide for the packet leaves the route undecided.
   */
  routeFor(family, q) {
    const rules = this.ipRules[family];
    if (rules === null) return { route: this.route(family, q.destination) };
    for (const rule of rules) {
      const takes = ruleTakes(rule, q);
      if (takes === false) continue;
      if (takes !== true) return { route: void 0, undecided: `ip rule ${rule.priority} may or may not take the packet (${takes})`, rule };
      if (rule.action === "blackhole" || rule.action === "unreachable" || rule.action === "prohibit") {
        return { route: { family, table: "", net: { network: 0n, mask: 0n, prefix: 0 }, type: rule.action, dev: null, via: null, prefsrc: null, metric: 0 }, rule };
      }
      if (rule.action !== "lookup" || rule.table === null) return { route: void 0, undecided: `ip rule ${rule.priority} is not a lookup the walk follows`, rule };
      const route = this.routeIn(family, q.destination, rule.table);
      if (route === void 0) return { route: void 0, undecided: `the routes of table ${rule.table} are not known`, rule };
      if (route === null || route.type === "throw" || rule.suppressPrefix !== null && (route.net.prefix ?? 0) <= rule.suppressPrefix) continue;
      return rule.table === "main" ? { route } : { route, rule };
    }
    return { route: null };
  }
  /** The route to an address in one table; undefined when that table's routes are not known. */
  routeIn(family, address, table) {
    if (table === "main") {
      const main = this.route(family, address, "main");
      return main;
    }
    let best = null;
    let any = false;
    for (const r of this.routes) {
      if (r.family !== family || r.table !== table) continue;
      any = true;
      if (inNet(address, r.net) && (best === null || (r.net.prefix ?? 0) > (best.net.prefix ?? 0) || (r.net.prefix ?? 0) === (best.net.prefix ?? 0) && r.metric < best.metric)) best = r;
    }
    if (!any && table !== "local" && table !== "default") return this.tablesSaved ? null : void 0;
    return best;
  }
  /** Whether the route files name their tables (`ip -j route show table all`): a table none of their routes names is empty. */
  get tablesSaved() {
    return this.routes.some((r) => r.table !== "main" && r.table !== "local");
  }
  /** Whether the node owns this address (local delivery): true, false, or null when the node's addresses are not known. */
  isLocal(family, address) {
    const key = family === 4 ? Number(address) : address;
    let local = this.localCache.get(key);
    if (local === void 0) this.localCache.set(key, local = this.findLocal(family, address));
    return local;
  }
  findLocal(family, address) {
    if (family === 4 ? address >> 24n === 127n : address === 1n) return true;
    if (this.addresses.some((a) => a.family === family && a.address === address)) return true;
    const route = this.lookupRoute(family, address, true);
    if (route !== null && route.type === "local") return true;
    return this.addressesKnown ? false : null;
  }
  /** Whether it is a broadcast address of one of the node's networks (or the limited broadcast). */
  isBroadcast(family, address) {
    if (family === 6) return false;
    if (address === 0xffffffffn) return true;
    if (this.addresses.some((a) => a.family === 4 && a.broadcast === address)) return true;
    return this.addressesKnown ? false : null;
  }
  /**
   * The route the kernel takes to an address: the longest prefix (then the lowest metric), or
   * null when no route matches; undefined when the routes are not known and none of the
   * networks the node's addresses give matches.
   */
  route(family, address, table = null) {
    const found = this.lookupRoute(family, address, false, table);
    if (found !== null) return found;
    let best = null;
    for (const a of this.addresses) {
      if (a.family !== family || a.iface === "") continue;
      if (inNet(address, { network: a.address & prefixMask(family, a.prefix), mask: prefixMask(family, a.prefix), prefix: a.prefix }) && (best === null || a.prefix > best.prefix)) best = a;
    }
    if (best !== null) {
      const mask = prefixMask(family, best.prefix);
      return { family, table: "main", net: { network: best.address & mask, mask, prefix: best.prefix }, type: "unicast", dev: best.iface, via: null, prefsrc: best.address, metric: 0 };
    }
    return this.routesKnown ? null : void 0;
  }
  lookupRoute(family, address, localOnly, table = null) {
    let best = null;
    for (const r of this.routes) {
      if (r.family !== family || (table === null ? r.table !== "main" && r.table !== "local" : r.table !== table) || localOnly && r.type !== "local" || !inNet(address, r.net)) continue;
      if (best === null || (r.type === "local") > (best.type === "local") || r.type === "local" === (best.type === "local") && ((r.net.prefix ?? 0) > (best.net.prefix ?? 0) || (r.net.prefix ?? 0) === (best.net.prefix ?? 0) && r.metric < best.metric)) best = r;
    }
    return best;
  }
  /** The address a packet leaving by `iface` gets from MASQUERADE: the route's preferred source, else the interface's first address of the family. */
  sourceFor(family, iface, route) {
    if (route?.prefsrc != null) return route.prefsrc;
    const own = this.addresses.find((a) => a.family === family && a.iface === iface && (family === 4 || a.address >> 118n !== 0x3fan));
    return own?.address ?? null;
  }
  /** The first address of an interface (REDIRECT's target on the way in). */
  addressOf(family, iface) {
    return this.addresses.find((a) => a.family === family && a.iface === iface)?.address ?? null;
  }
  /** Whether the address is on this interface (addrtype's --limit-iface-*). */
  isLocalOn(family, address, iface) {
    if (iface === "lo" && (family === 4 ? address >> 24n === 127n : address === 1n)) return true;
    if (this.addresses.some((a) => a.family === family && a.address === address && a.iface === iface)) return true;
    if (this.addresses.some((a) => a.family === family && a.address === address && a.iface === "")) return null;
    return this.addressesKnown ? false : null;
  }
};
function fail(what) {
  throw new NodeInputError(what);
}
function readAddresses(json) {
  if (!Array.isArray(json)) fail("the addresses file is not `ip -j addr` output (a JSON array of interfaces)");
  const out = [];
  for (const link of json) {
    if (typeof link !== "object" || link === null || typeof link.ifname !== "string") fail("the addresses file is not `ip -j addr` output (an interface without ifname)");
    for (const info of Array.isArray(link.addr_info) ? link.addr_info : []) {
      if (typeof info.local !== "string") continue;
      const a = parseAddress(info.local);
      if (a === null) continue;
      const broadcast = typeof info.broadcast === "string" ? parseAddress(info.broadcast) : null;
      out.push({ iface: link.ifname, family: a.family, address: a.address, prefix: typeof info.prefixlen === "number" ? info.prefixlen : bitsOf(a.family), broadcast: broadcast?.address ?? null });
    }
  }
  return out;
}
var ROUTE_TYPES = /* @__PURE__ */ new Set(["unicast", "local", "broadcast", "blackhole", "unreachable", "prohibit", "throw", "multicast", "anycast", "nat"]);
function netOfRouteDst(dst, familyHint2) {
  if (dst === "default") return familyHint2 === null ? null : { family: familyHint2, net: { network: 0n, mask: 0n, prefix: 0 } };
  const net = parseNet(dst);
  if (net === null) return null;
  return { family: dst.includes(":") ? 6 : 4, net };
}
function readRoutes(json) {
  if (!Array.isArray(json)) fail("the routes file is not `ip -j route` output (a JSON array of routes)");
  const out = [];
  const families = new Set(json.map((r) => familyHint(r)).filter((f) => f !== null));
  const fileFamily = families.size === 1 ? [...families][0] : null;
  for (const r of json) {
    if (typeof r !== "object" || r === null || typeof r.dst !== "string") fail("the routes file is not `ip -j route` output (a route without dst)");
    const table = r.table === void 0 || r.table === 254 ? "main" : r.table === 255 ? "local" : String(r.table);
    const gateway = typeof r.gateway === "string" ? parseAddress(r.gateway) : null;
    const prefsrc = typeof r.prefsrc === "string" ? parseAddress(r.prefsrc) : null;
    const hint = gateway?.family ?? prefsrc?.family ?? (typeof r.dst === "string" && r.dst.includes(":") ? 6 : null);
    const dst = netOfRouteDst(r.dst, hint ?? (r.dst === "default" ? fileFamily ?? 4 : null));
    if (dst === null) continue;
    const type = typeof r.type === "string" && ROUTE_TYPES.has(r.type) ? r.type : "unicast";
    out.push({ family: dst.family, table, net: dst.net, type, dev: typeof r.dev === "string" ? r.dev : null, via: gateway?.address ?? null, prefsrc: prefsrc?.address ?? null, metric: typeof r.metric === "number" ? r.metric : 0 });
  }
  return out;
}
function familyHint(r) {
  if (typeof r !== "object" || r === null) return null;
  for (const key of ["gateway", "prefsrc", "dst"]) {
    const value = r[key];
    if (typeof value === "string" && value !== "default") return value.includes(":") ? 6 : 4;
  }
  return null;
}
function routeOfSpec(spec) {
  const words2 = spec.trim().split(/\s+/);
  let type = "unicast";
  if (ROUTE_TYPES.has(words2[0])) type = words2.shift();
  const dstWord = words2.shift() ?? "";
  let dev = null;
  let via = null;
  let src = null;
  while (words2.length > 0) {
    const key = words2.shift();
    const value = words2.shift();
    if (value === void 0) fail(`--route "${spec}": "${key}" needs a value`);
    if (key === "dev") dev = value;
    else if (key === "via") via = parseAddress(value) ?? fail(`--route "${spec}": "${value}" is not an address`);
    else if (key === "src") src = parseAddress(value) ?? fail(`--route "${spec}": "${value}" is not an address`);
    else fail(`--route "${spec}": expected "dev IFACE", "via GATEWAY" or "src ADDRESS", found "${key}"`);
  }
  const dst = netOfRouteDst(dstWord === "default" ? "default" : dstWord, via?.family ?? src?.family ?? 4);
  if (dst === null) fail(`--route "${spec}": "${dstWord}" is not CIDR (10.244.0.0/16) or default`);
  if (dev === null && type === "unicast") fail(`--route "${spec}": a route needs "dev IFACE"`);
  return { family: dst.family, table: "main", net: dst.net, type, dev, via: via?.address ?? null, prefsrc: src?.address ?? null, metric: 0 };
}
function ruleTakes(rule, q) {
  if (rule.unread.length > 0) return `its ${rule.unread.join(", ")} is not read by the walk`;
  let matches = true;
  if (rule.from !== null) {
    if (q.source === null) return "the packet's source is not known";
    matches &&= inNet(q.source, rule.from);
  }
  if (rule.to !== null) matches &&= inNet(q.destination, rule.to);
  if (rule.iif !== null) matches &&= (q.inInterface === "" ? "lo" : q.inInterface) === rule.iif;
  if (rule.oif !== null) {
    if (q.inInterface !== "") matches = false;
    else return "its oif (the interface the socket is bound to) is not known";
  }
  if (rule.fwmark !== null && matches) {
    const { value, mask } = rule.fwmark;
    const differs = ((q.mark.value ^ value) & mask & q.mark.known) >>> 0 !== 0;
    if (differs) matches = false;
    else if ((mask & ~q.mark.known) >>> 0 !== 0) return `the packet's mark is not known in the bits of fwmark 0x${value.toString(16)}/0x${mask.toString(16)}`;
  }
  return matches !== rule.not;
}
var RULE_KNOWN_KEYS = /* @__PURE__ */ new Set(["priority", "not", "src", "srclen", "dst", "dstlen", "fwmark", "fwmask", "iif", "iif_detached", "oif", "oif_detached", "table", "action", "suppress_prefixlen", "flags", "protocol", "l3mdev"]);
function readRules(json, family) {
  if (!Array.isArray(json)) fail(`the IPv${family} rules file is not \`ip -j rule\` output (a JSON array of rules)`);
  const out = [];
  const net = (address, length) => {
    if (typeof address !== "string" || address === "all") return null;
    const parsed = parseNet(typeof length === "number" ? `${address}/${length}` : address);
    if (parsed === null) fail(`the IPv${family} rules file: "${address}" is not an address`);
    return parsed;
  };
  for (const r of json) {
    if (typeof r !== "object" || r === null || typeof r.priority !== "number") fail(`the IPv${family} rules file is not \`ip -j rule\` output (a rule without priority)`);
    const unread2 = Object.keys(r).filter((key) => !RULE_KNOWN_KEYS.has(key));
    if (r.l3mdev !== void 0) unread2.push("l3mdev");
    const mark = typeof r.fwmark === "string" ? Number(r.fwmark) : null;
    const mask = typeof r.fwmask === "string" ? Number(r.fwmask) : 4294967295;
    const action = r.action === void 0 || r.action === "lookup" ? "lookup" : r.action === "blackhole" || r.action === "unreachable" || r.action === "prohibit" ? r.action : "other";
    const table = r.table === void 0 ? null : r.table === 254 ? "main" : r.table === 255 ? "local" : r.table === 253 ? "default" : String(r.table);
    out.push({
      family,
      priority: r.priority,
      not: r.not !== void 0,
      from: net(r.src, r.srclen),
      to: net(r.dst, r.dstlen),
      fwmark: mark === null || !Number.isInteger(mark) ? null : { value: mark >>> 0, mask: mask >>> 0 },
      iif: typeof r.iif === "string" ? r.iif : null,
      oif: typeof r.oif === "string" ? r.oif : null,
      unread: unread2,
      action,
      table: action === "lookup" ? table ?? "main" : null,
      suppressPrefix: typeof r.suppress_prefixlen === "number" ? r.suppress_prefixlen : null
    });
  }
  return out.sort((a, b) => a.priority - b.priority);
}
var SET_DIMS = { ip: "ip", net: "net", port: "port", iface: "iface", mac: "mac", mark: "mark" };
function readIpsets(text) {
  const sets = /* @__PURE__ */ new Map();
  text.split("\n").forEach((raw, index) => {
    const words2 = raw.trim().split(/\s+/);
    if (words2[0] === "create") {
      const [, name, type] = words2;
      if (name === void 0 || type === void 0) fail(`ipset file line ${index + 1}: "create" needs a name and a type`);
      const family = words2.includes("inet6") ? 6 : type.startsWith("list:") || type.endsWith(":port") ? null : 4;
      const dims = (type.split(":")[1] ?? "").split(",").map((d) => SET_DIMS[d] ?? d);
      sets.set(name, { name, type, family: type === "bitmap:port" ? null : family, dims, members: [], sets: [] });
    } else if (words2[0] === "add") {
      const [, name, element2] = words2;
      const set = sets.get(name ?? "");
      if (set === void 0 || element2 === void 0) fail(`ipset file line ${index + 1}: "add" to a set not created before it`);
      if (set.type.startsWith("list:")) set.sets.push(element2);
      else set.members.push({ parts: partsOf(element2, set), nomatch: words2.includes("nomatch") });
    }
  });
  return sets;
}
var PROTO_NUMBERS = { tcp: 6, udp: 17, sctp: 132, udplite: 136, icmp: 1, icmpv6: 58 };
function partsOf(element2, set) {
  const words2 = element2.split(",");
  return set.dims.map((dim, k) => {
    const word = words2[k] ?? "";
    if (dim === "ip" || dim === "net") {
      const net = parseNet(word);
      return net === null ? { kind: "other", text: word } : { kind: "net", net };
    }
    if (dim === "port") {
      const colon = word.indexOf(":");
      const proto = colon === -1 ? "tcp" : word.slice(0, colon);
      const port = Number(colon === -1 ? word : word.slice(colon + 1));
      const protocol = PROTO_NUMBERS[proto];
      return protocol === void 0 || !Number.isInteger(port) ? { kind: "other", text: word } : { kind: "port", protocol, port };
    }
    if (dim === "iface") return { kind: "iface", name: word };
    return { kind: "other", text: word };
  });
}

// rules/model/ids.ts
var NONE = -1;
var lineNo = (line) => line.index;

// rules/model/shapes.ts
var FNV_PRIME = 16777619;
function mix(h, text, start, end) {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 32, FNV_PRIME);
}
function isProtocolOption2(text, start, end) {
  const length = end - start;
  if (length === 2) return text.charCodeAt(start + 1) === 112;
  return length > 3 && text.charCodeAt(start + 1) === 45 && text.charCodeAt(start + 2) === 112 && text.charCodeAt(start + 3) === 114;
}
function lineShapes(lexed) {
  const { firstTokens, lineCount, text } = lexed;
  const { codes, starts, ends } = lexed.tokens;
  const shapeOf = new Int32Array(lineCount).fill(-1);
  const ids = /* @__PURE__ */ new Map();
  const representatives = [];
  for (let line = 0; line < lineCount; line++) {
    const first2 = firstTokens[line];
    const last2 = firstTokens[line + 1];
    let h = 2166136261 | 0;
    let owned = false;
    let target = -1;
    let mark = first2;
    for (let t = first2; t < last2; t++) {
      const code = codes[t];
      if (code < 16 /* MatchOption */ || code > 22 /* ModuleOption */) continue;
      h = Math.imul(h ^ t - mark, FNV_PRIME);
      mark = t;
      if (code === 22 /* ModuleOption */) {
        owned = true;
        if (target !== -1) {
          h = mix(h, text, starts[target], ends[target]);
          target = -1;
        }
        h = mix(Math.imul(h ^ code, FNV_PRIME), text, starts[t], ends[t]);
      } else if (code === 16 /* MatchOption */) {
        owned = true;
        h = mix(Math.imul(h ^ code, FNV_PRIME), text, starts[t], ends[t]);
        if (t + 1 < last2) h = mix(h, text, starts[t + 1], ends[t + 1]);
      } else if (code === 21 /* GenericOption */) {
        h = Math.imul(h ^ (code * 64 + ends[t] - starts[t]) * 128 + text.charCodeAt(ends[t] - 1), FNV_PRIME);
        if (isProtocolOption2(text, starts[t], ends[t])) {
          const value = t + 1 < last2 && codes[t + 1] === 4 /* Bang */ ? t + 2 : t + 1;
          if (value < last2) h = mix(h, text, starts[value], ends[value]);
        }
      } else if (code === 17 /* JumpOption */ || code === 18 /* GotoOption */) {
        h = Math.imul(h ^ code, FNV_PRIME);
        if (t + 1 < last2) target = t + 1;
      }
    }
    if (!owned) continue;
    h = Math.imul(h ^ last2 - mark, FNV_PRIME);
    const key = h & 1073741823;
    let id = ids.get(key);
    if (id === void 0) {
      id = representatives.length;
      ids.set(key, id);
      representatives.push(line);
    }
    shapeOf[line] = id;
  }
  let members;
  return {
    representatives,
    linesLike(representative) {
      if (members === void 0) {
        members = representatives.map(() => []);
        for (let line = 0; line < lineCount; line++) if (shapeOf[line] !== -1) members[shapeOf[line]].push(line);
      }
      const id = shapeOf[representative];
      return id === -1 ? [] : members[id];
    },
    shapeOf: (line) => shapeOf[line]
  };
}

// rules/model/line-index.ts
var WATCHED_OPTIONS = [
  // Generic options with addresses, and the protocol.
  "-s",
  "--source",
  "--src",
  "-d",
  "--destination",
  "--dst",
  "-p",
  "--protocol",
  // Options of protocol matches, which `-p` loads on its own.
  "--sport",
  "--source-port",
  "--dport",
  "--destination-port",
  "--tcp-flags",
  "--syn",
  "--tcp-option",
  "--chunk-types",
  "--dccp-types",
  "--dccp-option",
  "--icmp-type",
  "--icmpv6-type",
  "--espspi",
  "--ahspi",
  "--ahlen",
  "--ahres",
  "--mh-type",
  "--ipcompspi",
  "--compres",
  // Options with addresses.
  "--to-destination",
  "--to-source",
  "--to",
  "--gateway",
  "--on-ip",
  "--src-range",
  "--dst-range",
  "--ctorigsrc",
  "--ctorigdst",
  "--ctreplsrc",
  "--ctrepldst",
  "--tunnel-src",
  "--tunnel-dst",
  // Options with families or protocols in their values.
  "--reject-with",
  // Interfaces.
  "-i",
  "--in-interface",
  "-o",
  "--out-interface",
  // The family a line is for: the other family's restore tool skips it (iptables(8)).
  "-4",
  "--ipv4",
  "-6",
  "--ipv6"
];
var WATCHED_MODULES = [
  "tcp",
  "udp",
  "sctp",
  "dccp",
  "icmp",
  "icmp6",
  "icmpv6",
  "esp",
  "ah",
  "multiport",
  "tcpmss",
  "mh",
  "ipcomp",
  "iprange",
  "conntrack",
  "policy",
  "mark",
  // Matches the kernel accepts only in some places (netfilter/places.ts).
  "owner",
  "cgroup",
  "socket",
  "mac",
  "rpfilter",
  "addrtype",
  "devgroup",
  "physdev",
  "osf",
  "realm",
  "eui64"
];
var PROTOCOLS = ["", "tcp", "udp", "sctp", "dccp", "icmp", "ipv6-icmp", "esp", "ah"];
var OTHER_PROTOCOL = 9;
var UNREAD_PROTOCOL = 15;
var PROTOCOL_SPELLINGS = {
  tcp: 1,
  "6": 1,
  udp: 2,
  "17": 2,
  sctp: 3,
  "132": 3,
  dccp: 4,
  "33": 4,
  icmp: 5,
  "1": 5,
  "ipv6-icmp": 6,
  icmpv6: 6,
  "58": 6,
  esp: 7,
  "50": 7,
  ah: 8,
  "51": 8,
  all: OTHER_PROTOCOL,
  "0": OTHER_PROTOCOL,
  udplite: OTHER_PROTOCOL,
  "136": OTHER_PROTOCOL,
  gre: OTHER_PROTOCOL,
  "47": OTHER_PROTOCOL
};
var FACT_FLAGS = {
  "v4-address": 32 /* V4Address */,
  "v6-address": 64 /* V6Address */,
  "icmp-protocol": 128 /* IcmpProtocol */,
  "bang-before-other-option": 256 /* BangBeforeOtherOption */
};
var Spellings = class _Spellings {
  constructor(names2) {
    /** Spelling numbers by length. */
    this.buckets = [];
    /** 1 where some spelling has this length and character (length * 128 + char code). */
    this.filter = new Uint8Array(64 * 128);
    this.names = [...names2];
    this.names.forEach((name, id) => {
      (this.buckets[name.length] ??= []).push(id);
      this.filter[_Spellings.key(name, 0, name.length)] = 1;
    });
  }
  static key(text, start, end) {
    const length = end - start;
    if (length <= 0 || length >= 64) return 0;
    const c = text.charCodeAt(start + (length > 2 ? 2 : length - 1));
    return c < 128 ? length * 128 + c : 0;
  }
  /** The number of the spelling `text[start, end)` is, or -1 (characters compared one by one: no call per word). */
  id(text, start, end) {
    if (this.filter[_Spellings.key(text, start, end)] === 0) return -1;
    const bucket = this.buckets[end - start];
    const length = end - start;
    for (let b = 0; b < bucket.length; b++) {
      const name = this.names[bucket[b]];
      let i = 0;
      while (i < length && name.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === length) return bucket[b];
    }
    return -1;
  }
  /** The spelling `text[start, end)` is, or undefined. */
  find(text, start, end) {
    const id = this.id(text, start, end);
    return id === -1 ? void 0 : this.names[id];
  }
};
var OPTION_SPELLINGS = new Spellings(WATCHED_OPTIONS);
var MODULE_SPELLINGS = new Spellings(WATCHED_MODULES);
var TARGET_SPELLINGS = new Spellings(EXTENSION_TARGETS);
var PROTOCOL_WORDS = new Spellings(Object.keys(PROTOCOL_SPELLINGS));
var PROTOCOL_WORD_IDS = PROTOCOL_WORDS.names.map((name) => PROTOCOL_SPELLINGS[name]);
var optionId = (name) => WATCHED_OPTIONS.indexOf(name);
var moduleId = (name) => WATCHED_MODULES.indexOf(name);
var targetNumber = (name) => TARGET_SPELLINGS.names.indexOf(name);
var OPTION_KINDS = Uint8Array.from(
  WATCHED_OPTIONS,
  (name) => GENERIC_ADDRESS_OPTIONS.has(name) ? 1 /* GenericAddress */ : name === "-p" || name === "--protocol" ? 2 /* Protocol */ : PROTOCOL_OPTION_OWNERS.has(name) ? 3 /* ProtocolMatch */ : NAT_ADDRESS_OPTIONS.has(name) || RANGE_ADDRESS_OPTIONS.has(name) || PLAIN_ADDRESS_OPTIONS.has(name) ? 4 /* Address */ : 0 /* Other */
);
var PROTOCOL_MODULE_BITS = WATCHED_MODULES.reduce((m, name, id) => Object.hasOwn(PROTOCOL_MATCHES, name) || name === "multiport" ? m | 1 << id : m, 0);
function optionBit(name) {
  const id = optionId(name);
  return id < 32 ? [1 << id, 0] : [0, 1 << id - 32];
}
var moduleBit = (name) => 1 << moduleId(name);
function addressFamilies(text, start, end) {
  if (end - start > 18 || hasComma(text, start, end)) return addressFamiliesOfList(text, start, end);
  return addressFamily(text, start, end);
}
function addressFamily(text, start, end) {
  const c0 = text.charCodeAt(start);
  if (c0 === 91) return 64 /* V6Address */;
  const stop = Math.min(end, start + 5);
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) return 64 /* V6Address */;
    if (c === 46) return c0 >= 48 && c0 <= 57 && i - start <= 3 && isDottedQuad(text, i, end) ? 32 /* V4Address */ : 0;
  }
  return 0;
}
function isDottedQuad(text, from, end) {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 || c === 45 || c === 58) return true;
    if (c !== 46 && (c < 48 || c > 57)) return false;
  }
  return true;
}
function hasComma(text, start, end) {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}
function addressFamiliesOfList(text, start, end) {
  let families = 0;
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 44;
    if (c === 44 || c === 45) {
      if (i > itemStart) families |= addressFamily(text, itemStart, Math.min(i, itemStart + 18));
      itemStart = i + 1;
    }
  }
  return families;
}
function buildLineIndex(document) {
  const lexed = document.source.lexed;
  const { firstTokens, tokens, lineCount } = lexed;
  const scan = {
    document,
    lexed,
    targetSpan: { kind: "jump", start: 0, end: 0, quoted: false, optionStart: -1 },
    text: document.text,
    firstTokens,
    starts: tokens.starts,
    ends: tokens.ends,
    codes: tokens.codes,
    lineCount,
    modules: new Uint32Array(lineCount),
    targets: new Int16Array(lineCount).fill(-1),
    flags: new Uint16Array(lineCount),
    optionsLow: new Uint32Array(lineCount),
    optionsHigh: new Uint32Array(lineCount),
    protocols: new Uint8Array(lineCount),
    lateBangLines: [],
    addressCounts: { v4: 0, v6: 0 },
    selected: void 0
  };
  readLines(scan);
  return new ScannedLines(scan);
}
var ScannedLines = class {
  constructor(scan) {
    this.scan = scan;
    this.targetCommands = [];
    this.addressCounts = scan.addressCounts;
    this.byTarget = linesByTarget(scan.targets, scan.lineCount);
  }
  commandsWith(query) {
    const found = selectLines(this.scan, query);
    const out = [];
    for (let k = 0; k < found.length; k++) {
      const node = this.scan.document.line(found[k]);
      if (node.kind === "command") out.push(node);
    }
    return out;
  }
  linesWith(query) {
    return selectLines(this.scan, query);
  }
  withLateBang() {
    return this.lateBangs ??= this.commands(this.scan.lateBangLines);
  }
  withTarget(name) {
    const id = targetNumber(name);
    if (id === -1) return [];
    return this.targetCommands[id] ??= this.commands(this.byTarget[id]);
  }
  linesTargeting(name) {
    const id = targetNumber(name);
    return id === -1 ? [] : this.byTarget[id];
  }
  uses(line, option2) {
    const [low, high] = optionBit(option2);
    return (this.scan.optionsLow[line] & low) !== 0 || (this.scan.optionsHigh[line] & high) !== 0;
  }
  extensionTarget(line) {
    const id = this.scan.targets[line];
    return id === -1 ? null : TARGET_SPELLINGS.names[id];
  }
  protocolNeedsSurelyMet(line) {
    return protocolNeedsSurelyMet(this.scan, line);
  }
  shapes() {
    return this.lineShapes ??= lineShapes(this.scan.lexed);
  }
  commands(numbers) {
    const line = this.scan.document.line;
    return numbers.map(line).filter((l) => l.kind === "command");
  }
};
function selectLines(scan, query) {
  const { optionsLow, optionsHigh, modules: modules2, flags, targets, lineCount } = scan;
  let low = 0;
  let high = 0;
  for (const name of query.options ?? []) {
    const [l, h] = optionBit(name);
    low |= l;
    high |= h;
  }
  let moduleMask = 0;
  for (const name of query.modules ?? []) moduleMask |= moduleBit(name);
  const wanted = new Uint8Array(TARGET_SPELLINGS.names.length + 1);
  for (const name of query.targets ?? []) {
    const id = targetNumber(name);
    if (id !== -1) wanted[id + 1] = 1;
  }
  let flagMask = 0;
  for (const fact of query.facts ?? []) flagMask |= FACT_FLAGS[fact];
  scan.selected ??= new Int32Array(lineCount + 1);
  const found = scanLines(optionsLow, optionsHigh, modules2, flags, targets, lineCount, low, high, moduleMask, flagMask, wanted, scan.selected);
  return scan.selected.slice(0, found);
}
function scanLines(optionsLow, optionsHigh, modules2, flags, targets, lineCount, low, high, moduleMask, flagMask, wanted, out) {
  let found = 0;
  for (let i = 0; i < lineCount; i++) {
    const hit = optionsLow[i] & low | optionsHigh[i] & high | modules2[i] & moduleMask | flags[i] & flagMask | wanted[targets[i] + 1];
    out[found] = i;
    found += hit !== 0 ? 1 : 0;
  }
  return found;
}
var protocolBit = (name) => 1 << Math.max(0, PROTOCOLS.indexOf(name));
var TCP = protocolBit("tcp");
var UDP = protocolBit("udp");
var NAT_PORT_BITS = TCP | UDP | protocolBit("sctp") | protocolBit("dccp");
var MULTIPORT_BITS = NAT_PORT_BITS;
var OWNER_BITS = WATCHED_OPTIONS.map((option2) => (PROTOCOL_OPTION_OWNERS.get(option2) ?? []).reduce((m, p) => m | protocolBit(p), 0));
var MODULE_PROTOCOL_BITS = WATCHED_MODULES.map((m) => {
  const protocol = protocolOfModule(m);
  return protocol === void 0 ? 0 : protocolBit(protocol);
});
function protocolOfModule(module2) {
  if (Object.hasOwn(PROTOCOL_MATCHES, module2)) return PROTOCOL_MATCHES[module2];
  const needs = findExtension("match", module2, null)?.needsProtocol;
  return needs?.[4]?.length === 1 && String(needs[4]) === String(needs[6]) ? needs[4][0] : void 0;
}
var MULTIPORT = moduleBit("multiport");
var PORT_OPTIONS = optionBit("--dport")[0] | optionBit("--sport")[0];
var FIRST_PROTOCOL_MATCH_OPTION = OPTION_KINDS.indexOf(3 /* ProtocolMatch */);
var NAT_TARGETS = new Set(["DNAT", "SNAT", "MASQUERADE", "REDIRECT"].map(targetNumber));
var TCP_TARGETS = new Set(["SYNPROXY", "TCPOPTSTRIP", "REJECT"].map(targetNumber));
var TPROXY = targetNumber("TPROXY");
var PROTOCOL_TARGET_IDS = new Set(PROTOCOL_TARGETS.map(targetNumber));
function protocolNeedsSurelyMet(scan, line) {
  const flags = scan.flags[line];
  if (flags & (4 /* ProtocolOptionFirst */ | 8 /* ProtocolAfterTarget */ | 16 /* Unusual */ | 2 /* ProtocolNegated */)) return false;
  const protocolNumber2 = scan.protocols[line];
  if (protocolNumber2 === UNREAD_PROTOCOL) return false;
  const protocol = protocolNumber2 === 0 ? 0 : 1 << protocolNumber2;
  const modules2 = scan.modules[line];
  let loaded = 0;
  for (let m = modules2 & ~MULTIPORT, id = 0; m !== 0; m >>>= 1, id++) if (m & 1) loaded |= MODULE_PROTOCOL_BITS[id];
  if (loaded !== 0 && loaded !== protocol) return false;
  if ((modules2 & MULTIPORT) !== 0 && (protocol & MULTIPORT_BITS) === 0) return false;
  const options = scan.optionsLow[line];
  for (let m = options >>> FIRST_PROTOCOL_MATCH_OPTION, id = FIRST_PROTOCOL_MATCH_OPTION; m !== 0; m >>>= 1, id++) {
    if ((m & 1) === 0 || OWNER_BITS[id] === 0) continue;
    if ((OWNER_BITS[id] & (protocol | loaded)) === 0 && !((modules2 & MULTIPORT) !== 0 && (1 << id & PORT_OPTIONS) !== 0)) return false;
  }
  const target = scan.targets[line];
  if (target === -1) return true;
  if (NAT_TARGETS.has(target)) return (protocol & NAT_PORT_BITS) !== 0;
  if (TCP_TARGETS.has(target)) return protocol === TCP;
  if (target === TPROXY) return protocol === TCP || protocol === UDP;
  return !PROTOCOL_TARGET_IDS.has(target);
}
function readLines(scan) {
  const { firstTokens, lineCount, text, starts, ends } = scan;
  const equals = [];
  for (let at = text.indexOf("="); at !== -1; at = text.indexOf("=", at + 1)) equals.push(at);
  let next2 = 0;
  for (let line = 0; line < lineCount; line++) {
    const first2 = firstTokens[line];
    const last2 = firstTokens[line + 1];
    if (last2 === first2) continue;
    while (next2 < equals.length && equals[next2] < starts[first2]) next2++;
    readLine(scan, line, first2, last2, next2 < equals.length && equals[next2] < ends[last2 - 1]);
  }
}
function unusualOption(text, start, end) {
  const word = decodeWord(text.slice(start, end));
  const inline = inlineValue(word);
  const name = inline === null ? word : word.slice(0, word.indexOf("="));
  return { id: OPTION_SPELLINGS.id(name, 0, name.length), inline };
}
function isUnusualWord(text, start, end, lineHasEquals) {
  if (text.charCodeAt(start) === 34) return true;
  if (!lineHasEquals || text.charCodeAt(start + 1) !== 45) return false;
  for (let i = start + 2; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 || c === 34) return true;
  }
  return false;
}
function readLine(scan, line, first2, last2, lineHasEquals) {
  const { text, starts, ends, codes } = scan;
  const optionFilter = OPTION_SPELLINGS.filter;
  let low = 0;
  let high = 0;
  let modules2 = 0;
  let flags = 0;
  let protocol = 0;
  let target = -1;
  let targetSeen = false;
  let jumped = false;
  let protocolGiven = false;
  let protocolLoaded = false;
  let lateBang = false;
  for (let t = first2; t < last2; t++) {
    const code = codes[t];
    if (code === 22 /* ModuleOption */ || code === 21 /* GenericOption */) {
      const start = starts[t];
      const length = ends[t] - start;
      let id;
      let inline = null;
      if (isUnusualWord(text, start, ends[t], lineHasEquals)) {
        flags |= 16 /* Unusual */;
        ({ id, inline } = unusualOption(text, start, ends[t]));
      } else {
        if (length >= 64 || optionFilter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 0) continue;
        id = optionSpelling(text, start, length);
      }
      if (id === -1) continue;
      if (id < 32) low |= 1 << id;
      else high |= 1 << id - 32;
      const value = inline !== null ? -1 : t + 1 < last2 && codes[t + 1] === 4 /* Bang */ ? t + 2 : t + 1;
      const kind = OPTION_KINDS[id];
      if (kind === 2 /* Protocol */) {
        if (protocol !== 0) flags |= 16 /* Unusual */;
        if (jumped) flags |= 8 /* ProtocolAfterTarget */;
        if (t > first2 && codes[t - 1] === 4 /* Bang */ || value === t + 2) flags |= 2 /* ProtocolNegated */;
        let word = value !== -1 && value < last2 ? PROTOCOL_WORDS.id(text, starts[value], ends[value]) : -1;
        if (word === -1 && (inline !== null || value < last2)) {
          const spelled2 = (inline ?? decodeWord(text.slice(starts[value], ends[value]))).toLowerCase();
          word = PROTOCOL_WORDS.id(spelled2, 0, spelled2.length);
        }
        protocol = word === -1 ? UNREAD_PROTOCOL : PROTOCOL_WORD_IDS[word];
        if (protocol === 5 || protocol === 6) flags |= 128 /* IcmpProtocol */;
        protocolGiven = true;
      } else if (kind === 3 /* ProtocolMatch */) {
        if (!protocolGiven && !protocolLoaded) flags |= 4 /* ProtocolOptionFirst */;
      } else if (kind === 1 /* GenericAddress */ || kind === 4 /* Address */) {
        let families = 0;
        if (inline !== null) families = addressFamilies(inline, 0, inline.length);
        else if (value < last2 && codes[value] === 24 /* QuotedWord */) {
          const decoded = decodeWord(text.slice(starts[value], ends[value]));
          families = addressFamilies(decoded, 0, decoded.length);
        } else if (value < last2) families = addressFamilies(text, starts[value], ends[value]);
        flags |= families;
        if (kind === 1 /* GenericAddress */) {
          if (families & 32 /* V4Address */) scan.addressCounts.v4++;
          if (families & 64 /* V6Address */) scan.addressCounts.v6++;
        }
      }
    } else if (code === 16 /* MatchOption */) {
      let id;
      if (isUnusualWord(text, starts[t], ends[t], lineHasEquals) || t + 1 < last2 && text.charCodeAt(starts[t + 1]) === 34) {
        flags |= 16 /* Unusual */;
        const inline = inlineValue(decodeWord(text.slice(starts[t], ends[t])));
        const name = inline ?? (t + 1 < last2 ? decodeWord(text.slice(starts[t + 1], ends[t + 1])) : "");
        id = MODULE_SPELLINGS.id(name, 0, name.length);
      } else {
        if (t + 1 >= last2) continue;
        const start = starts[t + 1];
        const length = ends[t + 1] - start;
        if (length >= 64 || MODULE_SPELLINGS.filter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 0) continue;
        id = MODULE_SPELLINGS.id(text, start, ends[t + 1]);
      }
      if (id === -1) continue;
      modules2 |= 1 << id;
      if ((PROTOCOL_MODULE_BITS & 1 << id) !== 0) protocolLoaded = true;
    } else if (code === 17 /* JumpOption */ || code === 18 /* GotoOption */) {
      jumped = true;
      if (ends[t] - starts[t] > 6 || text.charCodeAt(starts[t]) === 34) flags |= 16 /* Unusual */;
      targetSeen = true;
    } else if (code === 4 /* Bang */) {
      const before2 = t > first2 ? codes[t - 1] : -1;
      if (before2 === 22 /* ModuleOption */ || before2 === 21 /* GenericOption */) lateBang = true;
      else if (t + 1 < last2 && isRuleOptionCode(codes[t + 1]) && codes[t + 1] !== 21 /* GenericOption */) flags |= 256 /* BangBeforeOtherOption */;
    }
  }
  if (targetSeen) {
    const span = readTarget(scan.lexed, line, scan.targetSpan);
    if (span !== null) {
      target = span.quoted ? TARGET_SPELLINGS.names.indexOf(targetName(text, span)) : TARGET_SPELLINGS.id(text, span.start, span.end);
      if (span.quoted) flags |= 16 /* Unusual */;
    }
  }
  if (lateBang) {
    flags |= 1 /* LateBang */;
    scan.lateBangLines.push(line);
  }
  if (low !== 0) scan.optionsLow[line] = low;
  if (high !== 0) scan.optionsHigh[line] = high;
  if (modules2 !== 0) scan.modules[line] = modules2;
  if (flags !== 0) scan.flags[line] = flags;
  if (protocol !== 0) scan.protocols[line] = protocol;
  if (target !== -1) scan.targets[line] = target;
}
function optionSpelling(text, start, length) {
  const { names: names2, buckets } = OPTION_SPELLINGS;
  const bucket = buckets[length];
  for (let b = 0; b < bucket.length; b++) {
    const name = names2[bucket[b]];
    let i = 0;
    while (i < length && name.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === length) return bucket[b];
  }
  return -1;
}
function linesByTarget(targets, lineCount) {
  const byTarget = TARGET_SPELLINGS.names.map(() => []);
  for (let i = 0; i < lineCount; i++) if (targets[i] !== -1) byTarget[targets[i]].push(i);
  return byTarget;
}

// rules/model/names.ts
var NameTable = class {
  /** `text`: the document's text, where most names are; `expected`: about how many names there will be. */
  constructor(text, expected = 1024) {
    this.text = text;
    this.count = 0;
    /** The longest name, in UTF-16 code units. */
    this.maxLength = 0;
    /** Some name has a character outside ASCII (so its length in bytes is not its length). */
    this.nonAscii = false;
    /** By id: the length and the offset in the text (-1: not in it). */
    this.lengths = new Int32Array(1024);
    this.offsets = new Int32Array(1024);
    /** Names made into strings, and names that are not in the text. */
    this.strings = /* @__PURE__ */ new Map();
    let size = 1 << 10;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size * 4);
    this.mask = size - 1;
  }
  /** The id of `text[start, end)`, added if new. */
  intern(text, start, end) {
    return this.lookup(text, start, end, true);
  }
  /** The id of a name, or -1 when it is not in the table (nothing is added). */
  find(name) {
    return this.lookup(name, 0, name.length, false);
  }
  lookup(text, start, end, add) {
    const length = end - start;
    let h1 = (2166136261 ^ length) & 1073741823;
    let h2 = length;
    let bits = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      bits |= c;
      h1 = Math.imul(h1 ^ c, 16777619) & 1073741823;
      h2 = Math.imul(h2, 1540483477) + c & 1073741823;
    }
    h2 ^= h2 >>> 15;
    if (bits > 127 && add) this.nonAscii = true;
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = h1 & mask; ; slot = slot + 1 & mask) {
      const at = slot * 4;
      const entry = slots[at + 3];
      if (entry === 0) return add ? this.add(at, h1, h2, text, start, length) : -1;
      if (slots[at] === h1 && slots[at + 1] === h2 && slots[at + 2] === length) return entry - 1;
    }
  }
  internString(name) {
    return this.intern(name, 0, name.length);
  }
  name(id) {
    let name = this.strings.get(id);
    if (name === void 0) {
      const start = this.offsets[id];
      name = this.text.slice(start, start + this.lengths[id]);
      this.strings.set(id, name);
    }
    return name;
  }
  /** Whether the name starts with `prefix`, read in place (no string made: a rule may ask it of every chain). */
  startsWith(id, prefix) {
    const start = this.offsets[id];
    if (start === -1) return this.name(id).startsWith(prefix);
    if (this.lengths[id] < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (this.text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
    return true;
  }
  /** Length in UTF-16 code units. */
  length(id) {
    return this.lengths[id];
  }
  add(at, h1, h2, text, start, length) {
    const id = this.count++;
    if (id === this.lengths.length) {
      this.lengths = grow(this.lengths, id * 2);
      this.offsets = grow(this.offsets, id * 2);
    }
    this.slots[at] = h1;
    this.slots[at + 1] = h2;
    this.slots[at + 2] = length;
    this.slots[at + 3] = id + 1;
    this.lengths[id] = length;
    if (text === this.text) {
      this.offsets[id] = start;
    } else {
      this.offsets[id] = -1;
      this.strings.set(id, text.slice(start, start + length));
    }
    if (length > this.maxLength) this.maxLength = length;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return id;
  }
  rehash() {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 4);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] === 0) continue;
      let slot = old[at] & mask;
      while (slots[slot * 4 + 3] !== 0) slot = slot + 1 & mask;
      slots.set(old.subarray(at, at + 4), slot * 4);
    }
    this.slots = slots;
    this.mask = mask;
  }
};
function grow(array, size) {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
var Flags = class {
  constructor() {
    this.bits = new Uint8Array(256);
  }
  get(id) {
    return id < this.bits.length ? this.bits[id] : 0;
  }
  set(id, value) {
    if (id >= this.bits.length) {
      const bits = new Uint8Array(Math.max(this.bits.length * 2, id + 1));
      bits.set(this.bits);
      this.bits = bits;
    }
    this.bits[id] = value;
  }
};

// rules/model/replay.ts
function targetOf(line) {
  const span = readTarget(line.source.lexed, line.index);
  if (span === null) return null;
  return { kind: span.kind, name: targetName(line.source.text, span), start: span.start, end: span.end };
}
function documentNames(document) {
  const table = new NameTable(document.text, 256 + document.tables.reduce((n, t) => n + t.chainCount, 0));
  const knownTargets = new Flags();
  for (const target of [...STANDARD_TARGETS, ...EXTENSION_TARGETS]) knownTargets.set(table.internString(target), 1);
  return { table, knownTargets };
}
var TableReplay = class {
  constructor(document, table, names2, skipped = []) {
    this.document = document;
    this.table = table;
    const reader = new Reader(document, table, names2, skipped);
    reader.read();
    this.builtins = reader.builtins;
    this.names = reader.names;
    this.partial = isPartial(table, reader);
    this.missingChains = reader.missingChains;
    this.missingJumps = reader.missingJumps;
    this.builtinJumps = reader.builtinJumps;
    this.redeclarations = reader.redeclarations;
    this.policyDeclarations = reader.policyDeclarations;
    this.policyCommands = reader.policyCommands;
    this.newChainCommands = reader.newChainCommands;
    this.deletesOrRenames = reader.deletesOrRenames;
    this.appendOnly = reader.appendOnly;
    this.base = reader.base;
    this.span = reader.span;
    this.steps = reader.kinds;
    this.chainIds = reader.chainIds;
    this.targetIds = reader.targetIds;
    this.gotos = reader.gotos;
    this.ruleStarts = reader.ruleStarts;
    this.ruleEnds = reader.ruleEnds;
    this.previous = reader.previous;
    this.lastRule = reader.lastRule;
    this.ruleCounts = reader.ruleCounts;
    this.declaredIds = reader.declaredIds;
    this.knownTargets = reader.knownTargets;
    this.builtinIds = reader.builtinIds;
    this.lineOf = (index) => document.line(index);
  }
  /** The line at offset `at` from base. */
  lineAt(at) {
    return this.lineOf(this.base + at);
  }
  /** The offset of a line from base, or -1 when the line is not in the table's span. */
  offsetOf(line) {
    const at = line - this.base;
    return at >= 0 && at < this.span ? at : -1;
  }
  /** Every declaration of a chain (`:NAME`, `-N NAME`), in file order. */
  declarationsOf(name) {
    return this.allDeclarations().get(name) ?? [];
  }
  /** The names of the table's declared chains. */
  declaredNames() {
    return [...this.allDeclarations().keys()];
  }
  /** The first line that names this chain, as its chain or its jump target, where it does not exist. */
  firstMissingUse(name) {
    if (this.firstUses === void 0) {
      const firstUses = /* @__PURE__ */ new Map();
      for (const line of this.missingChains) if (!firstUses.has(line.chain)) firstUses.set(line.chain, line);
      for (const { line, target } of this.missingJumps) {
        const seen = firstUses.get(target.name);
        if (seen === void 0 || line.index < seen.index) firstUses.set(target.name, line);
      }
      this.firstUses = firstUses;
    }
    return this.firstUses.get(name);
  }
  /** Whether an id names a target iptables knows (ACCEPT, DNAT, ...). */
  isKnownTarget(id) {
    return this.knownTargets.get(id) === 1;
  }
  /** Whether an id names a built-in chain of the table. */
  isBuiltin(id) {
    return this.builtinIds.get(id) === 1;
  }
  allDeclarations() {
    if (this.declarations === void 0) {
      const declarations = /* @__PURE__ */ new Map();
      const found = [...this.table.chains, ...this.newChainCommands.filter((c) => c.chain !== null)];
      found.sort((a, b) => a.index - b.index);
      for (const line of found) {
        const name = line.kind === "chain" ? line.name : line.chain;
        if (name === "") continue;
        const list2 = declarations.get(name);
        if (list2 === void 0) declarations.set(name, [line]);
        else list2.push(line);
      }
      this.declarations = declarations;
    }
    return this.declarations;
  }
};
var KINDS = new Uint8Array(32).fill(7 /* Other */);
KINDS[5 /* Append */] = 1 /* Append */;
KINDS[6 /* Insert */] = 2 /* Insert */;
KINDS[8 /* Replace */] = 3 /* Replace */;
KINDS[7 /* Delete */] = 4 /* Delete */;
KINDS[9 /* NewChain */] = 6 /* NewChain */;
var isValueCode = (code) => code === 23 /* Word */ || code === 24 /* QuotedWord */;
var NONE2 = -1;
var BUILTIN = -2;
var Reader = class {
  constructor(document, table, names2, skipped) {
    this.document = document;
    this.table = table;
    this.skipped = skipped;
    this.builtinIds = new Flags();
    this.declaredIds = [];
    this.missingChains = [];
    this.missingJumps = [];
    this.builtinJumps = [];
    this.redeclarations = [];
    this.policyDeclarations = [];
    this.policyCommands = [];
    this.newChainCommands = [];
    this.deletesOrRenames = false;
    this.appendOnly = true;
    /** Built-in chains given a policy (`:INPUT ACCEPT`, `-P INPUT ACCEPT`), by id. */
    this.declaredBuiltins = /* @__PURE__ */ new Set();
    // The chain of the line before: iptables-save prints a chain's rules together, and
    // comparing with the line before is cheaper than looking a name up.
    this.previousStart = 0;
    this.previousLength = -1;
    this.previousId = -1;
    // The `:NAME` declarations in file order (their tokens and ids), and the next one a run of
    // rules is likely for.
    this.declaredTokens = [];
    this.declaredInOrder = [];
    this.nextDeclaration = 0;
    // The targets of the last two lookups: chains often alternate between a few (DNAT, a mark chain).
    this.recentStart0 = 0;
    this.recentLength0 = -1;
    this.recentId0 = -1;
    this.recentStart1 = 0;
    this.recentLength1 = -1;
    this.recentId1 = -1;
    /** Reused by every line's target. */
    this.scratch = { kind: "jump", start: 0, end: 0, quoted: false, optionStart: -1 };
    this.text = document.text;
    const lexed = document.source.lexed;
    this.lexed = lexed;
    this.codes = lexed.tokens.codes;
    this.starts = lexed.tokens.starts;
    this.ends = lexed.tokens.ends;
    this.firstTokens = lexed.firstTokens;
    this.contentEnds = lexed.contentEnds;
    this.line = document.line;
    this.names = names2.table;
    this.knownTargets = names2.knownTargets;
    this.builtins = builtinChains(table.name);
    for (const name of this.builtins) this.builtinIds.set(this.names.internString(name), 1);
    const firstLine = Math.min(table.commandCount > 0 ? table.firstCommand : Infinity, table.chainCount > 0 ? table.firstChain : Infinity);
    const lastLine = Math.max(table.lastCommand, table.lastChain);
    this.base = Number.isFinite(firstLine) ? firstLine : 0;
    const span = this.span = Math.max(0, lastLine - this.base + 1);
    this.kinds = new Uint8Array(span);
    this.chainIds = new Int32Array(span).fill(-1);
    this.targetIds = new Int32Array(span).fill(-1);
    this.gotos = new Uint8Array(span);
    this.ruleStarts = new Int32Array(span);
    this.ruleEnds = new Int32Array(span);
    this.previous = new Int32Array(span).fill(-1);
    this.lastRule = new Int32Array(this.names.count + 2 * table.chainCount + 64).fill(-1);
    this.ruleCounts = new Int32Array(this.lastRule.length);
    this.current = new Int32Array(Math.max(1024, this.names.count * 2)).fill(NONE2);
    for (const name of this.builtins) this.setState(this.names.internString(name), BUILTIN);
  }
  read() {
    const { span, firstTokens, codes, base } = this;
    let skip = null;
    if (this.document.diagnostics.length > 0 || this.skipped.length > 0) {
      skip = new Uint8Array(span);
      for (const line of this.skipped) if (line >= base && line < base + span) skip[line - base] = 1;
      const declarations = this.document.form === "restore";
      for (let at = 0; at < span; at++) {
        const kind = this.document.kindOf(base + at);
        if (kind !== "command" && !(kind === "chain" && declarations)) skip[at] = 1;
      }
    }
    for (let at = 0; at < span; at++) {
      const first2 = firstTokens[base + at];
      if (first2 === firstTokens[base + at + 1] || skip !== null && skip[at] === 1) continue;
      if (codes[first2] === 1 /* ChainDecl */) this.declaration(at, first2);
      else this.command(at, codes[first2] === 3 /* Counters */ ? first2 + 1 : first2);
    }
  }
  /**
   * `-A`, `-I`, ... and what they do. The command is mostly the line's first word, but iptables
   * takes options before it (`-p tcp -A FORWARD --dport 22`): it is the first token with a
   * command's code (a word an option takes as its value has a value's code, whatever it looks like).
   */
  command(at, from) {
    const last2 = this.firstTokens[this.base + at + 1];
    let head2 = from;
    while (head2 < last2 && (this.codes[head2] < 5 /* Append */ || this.codes[head2] > 15 /* OtherCommand */)) head2++;
    this.commandAt(at, head2, from);
  }
  lineAt(at) {
    return this.line(this.base + at);
  }
  state(id) {
    return id < this.current.length ? this.current[id] : NONE2;
  }
  setState(id, value) {
    if (id >= this.current.length) {
      const grown = new Int32Array(Math.max(this.current.length * 2, id + 1)).fill(NONE2);
      grown.set(this.current);
      this.current = grown;
    }
    this.current[id] = value;
  }
  /**
   * The id of a name token, from `skip` characters on (1 for `:NAME`; the lexer reads a `:` word
   * with a quote as a value, so a declaration's name is as written).
   */
  idOfToken(token, skip) {
    const start = this.starts[token] + skip;
    const end = this.ends[token];
    if (this.codes[token] === 24 /* QuotedWord */) {
      return this.names.internString(decodeWord(this.text.slice(start, end)));
    }
    return this.names.intern(this.text, start, end);
  }
  declare(id, at) {
    const before2 = this.state(id);
    if (before2 !== NONE2 && !(before2 === BUILTIN && this.kinds[at] === 5 /* Declaration */)) {
      const previous = before2 === BUILTIN ? null : this.line(this.base + before2);
      this.redeclarations.push({ line: this.lineAt(at), previous });
    }
    if (before2 === NONE2 || before2 === BUILTIN) this.declaredIds.push(id);
    this.setState(id, at);
  }
  /** `:NAME POLICY [p:b]` */
  declaration(at, first2) {
    if (this.ends[first2] - this.starts[first2] === 1) return;
    const id = this.idOfToken(first2, 1);
    this.declaredTokens.push(first2);
    this.declaredInOrder.push(id);
    this.chainIds[at] = id;
    this.kinds[at] = 5 /* Declaration */;
    if (this.builtinIds.get(id)) this.declaredBuiltins.add(id);
    const policy = first2 + 1;
    const dash = policy < this.firstTokens[this.base + at + 1] && this.ends[policy] - this.starts[policy] === 1 && this.text.charCodeAt(this.starts[policy]) === 45;
    if (!dash) this.policyDeclarations.push(this.line(this.base + at));
    this.declare(id, at);
  }
  /** The id of the chain a command names (its first positional argument). */
  chainOf(token) {
    const start = this.starts[token];
    const length = this.ends[token] - start;
    const plain = this.codes[token] !== 24 /* QuotedWord */;
    if (plain && length === this.previousLength && sameRange(this.text, start, this.previousStart, length)) return this.previousId;
    let id = plain ? this.nextDeclared(start, length) : -1;
    if (id === -1) id = this.idOfToken(token, 0);
    this.previousStart = start;
    this.previousLength = this.codes[token] === 24 /* QuotedWord */ ? -1 : length;
    this.previousId = id;
    return id;
  }
  /**
   * The chain a new run of rules is for, looked for among the next few declarations:
   * iptables-save prints the chains' rules in the order it declared the chains (skipping the
   * empty ones), and comparing a name with a declaration is cheaper than looking it up.
   * -1 when not there.
   */
  nextDeclared(start, length) {
    const tokens = this.declaredTokens;
    const stop = Math.min(tokens.length, this.nextDeclaration + 8);
    for (let q = this.nextDeclaration; q < stop; q++) {
      const from = this.starts[tokens[q]] + 1;
      if (this.ends[tokens[q]] - from === length && sameRange(this.text, start, from, length)) {
        this.nextDeclaration = q + 1;
        return this.declaredInOrder[q];
      }
    }
    return -1;
  }
  /** The command at token `head`; its rule's options start at token `from` (before it when written so). */
  commandAt(at, head2, from) {
    const { codes } = this;
    const last2 = this.firstTokens[this.base + at + 1];
    const command = codes[head2];
    if (head2 >= last2 || command < 5 /* Append */ || command > 15 /* OtherCommand */) return;
    let positionalEnd = head2 + 1;
    while (positionalEnd < last2 && isValueCode(codes[positionalEnd])) positionalEnd++;
    const id = positionalEnd > head2 + 1 ? this.chainOf(head2 + 1) : -1;
    this.chainIds[at] = id;
    const kind = KINDS[command];
    this.kinds[at] = kind;
    if (kind <= 4 /* Delete */) this.rule(at, kind, id, positionalEnd, last2, head2 > from ? from : -1);
    else this.otherCommand(at, command, id);
  }
  /**
   * `-A`, `-I`, `-R`, `-D`. `before` is the first of the options written before the command, or
   * -1: the rule's text then starts there and holds the command too (such a line compares
   * equal only to one written the same way).
   */
  rule(at, kind, id, positionalEnd, last2, before2) {
    if (kind !== 1 /* Append */) this.appendOnly = false;
    if (id !== -1) {
      if (this.state(id) === NONE2) this.missingChains.push(this.lineAt(at));
      if (kind !== 4 /* Delete */) this.link(at, id);
    }
    const { codes, text } = this;
    const lineEnd = this.contentEnds[this.base + at];
    let start = before2 === -1 ? this.ends[positionalEnd - 1] : this.starts[before2];
    let end = lineEnd;
    for (let k = last2 - 1; k >= positionalEnd; k--) {
      const c = codes[k];
      if (c < 5 /* Append */ || c > 22 /* ModuleOption */) continue;
      if (c === 19 /* SetCountersOption */) end = this.starts[k];
      break;
    }
    while (start < end && text.charCodeAt(start) <= 32) start++;
    while (end > start && text.charCodeAt(end - 1) <= 32) end--;
    this.ruleStarts[at] = start;
    this.ruleEnds[at] = end;
    this.target(at, kind);
  }
  /** Links the chain's rules (`-A`, `-I`, `-R` lines), line to line. */
  link(at, id) {
    if (id >= this.lastRule.length) [this.lastRule, this.ruleCounts] = growLinks(this.lastRule, this.ruleCounts, id);
    this.previous[at] = this.lastRule[id];
    this.lastRule[id] = at;
    this.ruleCounts[id]++;
  }
  /** The rule's `-j NAME`, `-g NAME` or `--jump=NAME`, read by the grammar's one reader of targets. */
  target(at, kind) {
    const span = readTarget(this.lexed, this.base + at, this.scratch);
    if (span === null) return;
    const t = span.quoted ? this.names.internString(targetName(this.text, span)) : this.targetId(span.start, span.end);
    this.targetIds[at] = t;
    if (span.kind === "goto") this.gotos[at] = 1;
    if (kind === 4 /* Delete */) return;
    if (this.state(t) !== NONE2) {
      if (this.builtinIds.get(t)) this.builtinJumps.push({ line: this.lineAt(at), target: targetOf(this.lineAt(at)) });
    } else if (!this.knownTargets.get(t)) {
      this.missingJumps.push({ line: this.lineAt(at), target: targetOf(this.lineAt(at)) });
    }
  }
  targetId(start, end) {
    const length = end - start;
    if (length === this.recentLength0 && sameRange(this.text, start, this.recentStart0, length)) return this.recentId0;
    if (length === this.recentLength1 && sameRange(this.text, start, this.recentStart1, length)) return this.recentId1;
    const id = this.names.intern(this.text, start, end);
    this.recentStart1 = this.recentStart0;
    this.recentLength1 = this.recentLength0;
    this.recentId1 = this.recentId0;
    this.recentStart0 = start;
    this.recentLength0 = length;
    this.recentId0 = id;
    return id;
  }
  /** `-N`, `-P`, `-F`, `-X`, `-E`, `-Z`, ... */
  otherCommand(at, command, id) {
    switch (command) {
      case 9 /* NewChain */:
        this.newChainCommands.push(this.lineAt(at));
        if (id !== -1) this.declare(id, at);
        return;
      case 14 /* Policy */:
        this.policyCommands.push(this.lineAt(at));
        if (id !== -1 && this.builtinIds.get(id)) this.declaredBuiltins.add(id);
        return;
      case 11 /* Flush */:
        this.appendOnly = false;
        break;
      case 10 /* DeleteChain */:
        this.deletesOrRenames = true;
        this.appendOnly = false;
        if (id === -1) {
          for (let k = 0; k < this.current.length; k++) if (!this.builtinIds.get(k)) this.current[k] = NONE2;
        } else if (this.state(id) === NONE2) this.missingChains.push(this.lineAt(at));
        else if (!this.builtinIds.get(id)) this.setState(id, NONE2);
        return;
      case 13 /* RenameChain */: {
        this.deletesOrRenames = true;
        this.appendOnly = false;
        if (id === -1) return;
        const from = this.state(id);
        if (from === NONE2) this.missingChains.push(this.lineAt(at));
        const to = this.lineAt(at).positional[1]?.value;
        if (from >= 0 && to !== void 0) {
          this.setState(id, NONE2);
          this.setState(this.names.internString(to), from);
        }
        return;
      }
    }
    if (id !== -1 && this.state(id) === NONE2) this.missingChains.push(this.lineAt(at));
  }
};
function isPartial(table, reader) {
  if (table.name !== null) return reader.declaredBuiltins.size === 0;
  return !Object.values(BUILTIN_CHAINS).some((chains) => chains.every((name) => reader.declaredBuiltins.has(reader.names.internString(name))));
}
function growLinks(last2, counts, id) {
  const size = Math.max(last2.length * 2, id + 1);
  const grownLast = new Int32Array(size).fill(-1);
  grownLast.set(last2);
  const grownCounts = new Int32Array(size);
  grownCounts.set(counts);
  return [grownLast, grownCounts];
}
function sameRange(text, a, b, length) {
  for (let i = length - 1; i >= 0; i--) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

// rules/model/chains.ts
function chainMap(replay) {
  return replay.appendOnly ? new AppendedChains(replay) : replayCommands(replay.table);
}
var REWRITING = ["insert", "replace", "delete", "flush", "delete-chain", "rename-chain"];
var appendsOnly = (table) => !REWRITING.some((kind) => table.uses(kind));
function appendedChainsNamed(table, names2) {
  const found = /* @__PURE__ */ new Map();
  const chain = (name) => {
    let c = found.get(name);
    if (c === void 0) found.set(name, c = { name, declaration: null, rules: [] });
    return c;
  };
  for (const declaration of table.chains) if (names2.has(declaration.name)) chain(declaration.name).declaration ??= declaration;
  for (const command of table.commands) {
    if (command.chain === null || !names2.has(command.chain)) continue;
    if (command.command === "append") chain(command.chain).rules.push(command);
    else if (command.command === "new-chain") chain(command.chain).declaration ??= command;
  }
  return found;
}
var AppendedChains = class {
  constructor(replay) {
    this.replay = replay;
    this.made = [];
  }
  get(name) {
    const id = this.replay.names.find(name);
    return id === -1 ? void 0 : this.byId(id);
  }
  has(name) {
    return this.get(name) !== void 0;
  }
  get size() {
    return this.list().size;
  }
  forEach(callback, thisArg) {
    this.list().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries() {
    return this.list().entries();
  }
  keys() {
    return this.list().keys();
  }
  values() {
    return this.list().values();
  }
  [Symbol.iterator]() {
    return this.list().entries();
  }
  /** The chain with this id, or undefined when no line declares it or appends to it. */
  byId(id) {
    const made = this.made[id];
    if (made !== void 0) return made;
    const { replay: walk } = this;
    const declarations = this.declarationLines();
    const declared = id < declarations.length ? declarations[id] : -1;
    const last2 = id < walk.lastRule.length ? walk.lastRule[id] : -1;
    if (declared === -1 && last2 === -1) return void 0;
    let count = 0;
    for (let at = last2; at !== -1; at = walk.previous[at]) count++;
    const rules = new Array(count);
    for (let at = last2; at !== -1; at = walk.previous[at]) rules[--count] = walk.lineAt(at);
    return this.made[id] = new AppendedChain(walk.names.name(id), rules, walk, declared);
  }
  /** By chain id, the line that declares it (its first `:NAME`, else its first `-N`), or -1. */
  declarationLines() {
    if (this.declarations === void 0) {
      const { steps: kinds, chainIds, span, names: names2 } = this.replay;
      const lines = new Int32Array(names2.count).fill(-1);
      for (let at = 0; at < span; at++) {
        if (kinds[at] === 5 /* Declaration */ && lines[chainIds[at]] === -1) lines[chainIds[at]] = at;
      }
      for (let at = 0; at < span; at++) {
        if (kinds[at] === 6 /* NewChain */ && chainIds[at] !== -1 && lines[chainIds[at]] === -1) lines[chainIds[at]] = at;
      }
      this.declarations = lines;
    }
    return this.declarations;
  }
  list() {
    if (this.all === void 0) {
      const { steps: kinds, chainIds, span } = this.replay;
      const all = /* @__PURE__ */ new Map();
      const add = (id) => {
        const chain = this.byId(id);
        if (chain !== void 0 && !all.has(chain.name)) all.set(chain.name, chain);
      };
      for (let at = 0; at < span; at++) if (kinds[at] === 5 /* Declaration */) add(chainIds[at]);
      for (let at = 0; at < span; at++) {
        if ((kinds[at] === 1 /* Append */ || kinds[at] === 6 /* NewChain */) && chainIds[at] !== -1) add(chainIds[at]);
      }
      this.all = all;
    }
    return this.all;
  }
};
var AppendedChain = class {
  constructor(name, rules, replay, at) {
    this.name = name;
    this.rules = rules;
    this.replay = replay;
    this.at = at;
  }
  get declaration() {
    if (this.declared === void 0) this.declared = this.at === -1 ? null : this.replay.lineAt(this.at);
    return this.declared;
  }
};
function replayCommands(table) {
  const chains = /* @__PURE__ */ new Map();
  let last2;
  const chain = (name) => {
    if (last2 !== void 0 && last2.name === name) return last2;
    let found = chains.get(name);
    if (found === void 0) chains.set(name, found = { name, declaration: null, rules: [] });
    return last2 = found;
  };
  const builtins = builtinChains(table.name);
  const declarations = table.chains;
  let next2 = 0;
  for (const command of table.commands) {
    for (; next2 < declarations.length && declarations[next2].index < command.index; next2++) {
      chain(declarations[next2].name).declaration ??= declarations[next2];
    }
    const name = command.chain;
    switch (command.command) {
      case "append":
        if (name !== null) chain(name).rules.push(command);
        break;
      // iptables refuses a rule number past the chain's end ("Index of insertion too big", of
      // replacement, of deletion) or not a positive number: such a line changes nothing here.
      case "insert": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command) ?? 1;
        if (number >= 1 && number <= rules.length + 1) rules.splice(number - 1, 0, command);
        break;
      }
      case "replace": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command);
        if (number !== null && number >= 1 && number <= rules.length) rules[number - 1] = command;
        break;
      }
      case "delete": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command);
        const at = number === null ? rules.findIndex((rule) => sameRule(rule, command)) : number - 1;
        if (at >= 0 && at < rules.length) rules.splice(at, 1);
        break;
      }
      case "new-chain":
        if (name !== null) chain(name).declaration ??= command;
        break;
      case "flush":
        for (const c of name === null ? chains.values() : [chain(name)]) c.rules.length = 0;
        break;
      case "delete-chain":
        last2 = void 0;
        if (name !== null) {
          chains.delete(name);
        } else {
          for (const c of chains.values()) if (isUserChain(c) && !builtins.has(c.name)) chains.delete(c.name);
        }
        break;
      case "rename-chain": {
        last2 = void 0;
        const to = command.positional[1]?.value;
        const from = name === null ? void 0 : chains.get(name);
        if (from && to) {
          chains.delete(from.name);
          chains.set(to, { ...from, name: to });
        }
        break;
      }
    }
  }
  for (; next2 < declarations.length; next2++) chain(declarations[next2].name).declaration ??= declarations[next2];
  return chains;
}
function isUserChain(chain) {
  const d = chain.declaration;
  return d !== null && (d.kind === "command" || d.policy === "-");
}
function ruleNumber(command) {
  const text = command.positional[1]?.value;
  if (text === void 0) return null;
  return /^[0-9]+$/.test(text) && Number(text) > 0 ? Number(text) : 0;
}
function sameRule(a, b) {
  const words2 = (c) => c.elements.map((e) => e.text).join(" ");
  return words2(a) === words2(b);
}

// rules/model/rule-key.ts
var GENERIC_RANK = { "-s": 0, "-d": 1, "-i": 2, "-o": 3, "-p": 4, "-f": 5 };
var GENERIC_SHORT = {
  "--source": "-s",
  "--src": "-s",
  "--destination": "-d",
  "--dst": "-d",
  "--in-interface": "-i",
  "--out-interface": "-o",
  "--protocol": "-p",
  "--fragment": "-f"
};
var MATCH_SPELLING = { "--source-port": "--sport", "--destination-port": "--dport" };
var OPTION_ORDER = {
  tcp: ["--sport", "--dport", "--tcp-option", "--tcp-flags"],
  udp: ["--sport", "--dport"],
  sctp: ["--sport", "--dport", "--chunk-types"]
};
var NOT_OWNING = /* @__PURE__ */ new Set([
  "comment",
  "conntrack",
  "state",
  "mark",
  "connmark",
  "addrtype",
  "set",
  "physdev",
  "mac",
  "iprange",
  "limit",
  "pkttype",
  "owner",
  "length",
  "ttl",
  "hl",
  "dscp",
  "tos",
  "string",
  "statistic",
  "recent",
  "hashlimit",
  "connlimit",
  "time",
  "u32",
  "socket",
  "devgroup",
  "cgroup",
  "helper",
  "quota",
  "nfacct",
  "cpu",
  "rpfilter",
  "connbytes",
  "connlabel",
  "policy",
  "ipvs"
]);
var STRING_OPTIONS = /* @__PURE__ */ new Set(["--comment", "--log-prefix", "--nflog-prefix"]);
function keyWord(value, isString2) {
  if (value.length > 0 && (isString2 ? /^[-_0-9A-Za-z]+$/.test(value) : !/[\s"]/.test(value))) return value;
  return `"${value.replace(/["'\\]/g, "\\$&")}"`;
}
function canonicalRule(lexed, from, to) {
  if (!mayDiffer(lexed, from, to)) return null;
  return canonicalText(readElements(lexed, from, to));
}
var isOption = (code) => code >= 16 /* MatchOption */ && code <= 22 /* ModuleOption */;
var isWord = (code) => code === 23 /* Word */ || code === 24 /* QuotedWord */;
var byLength;
function kindAt(text, start, end) {
  if (byLength === void 0) {
    byLength = [];
    const add = (name, kind) => (byLength[name.length] ??= []).push([name, kind]);
    for (const name of ["--syn", "--source-port", "--destination-port"]) add(name, 1 /* Respelled */);
    for (const name of new Set(Object.values(PROTOCOL_MATCH_OPTIONS).flat())) if (name !== "--source-port" && name !== "--destination-port") add(name, 2 /* Protocol */);
    for (const name of STRING_OPTIONS) add(name, 3 /* String */);
  }
  const candidates = byLength[end - start];
  if (candidates !== void 0) {
    for (const [name, kind] of candidates) if (text.startsWith(name, start)) return kind;
  }
  return 0 /* Other */;
}
function mayDiffer(lexed, from, to) {
  const { codes, starts, ends } = lexed.tokens;
  const text = lexed.text;
  let rank2 = -1;
  let afterGeneric = false;
  let target = false;
  let option2 = -1;
  let generic = 0;
  let isString2 = false;
  let match = -1;
  let optionRank = -1;
  for (let t = from; t < to; t++) {
    const code = codes[t];
    const start = starts[t];
    const end = ends[t];
    if (t > from && (start - ends[t - 1] !== 1 || text.charCodeAt(start - 1) !== 32)) return true;
    if (code === 4 /* Bang */) {
      if (t > from && isOption(codes[t - 1])) return true;
      continue;
    }
    if (code === 21 /* GenericOption */) {
      if (end - start !== 2 || afterGeneric) return true;
      generic = text.charCodeAt(start + 1);
      const r = generic === 115 ? 0 : generic === 100 ? 1 : generic === 105 ? 2 : generic === 111 ? 3 : generic === 112 ? 4 : generic === 102 ? 5 : 9;
      if (r <= rank2) return true;
      rank2 = r;
      option2 = t;
      continue;
    }
    if (isOption(code)) {
      afterGeneric = true;
      option2 = t;
      generic = 0;
      isString2 = false;
      if (code === 19 /* SetCountersOption */) return true;
      if (code === 22 /* ModuleOption */) {
        const kind = kindAt(text, start, end);
        isString2 = kind === 3 /* String */;
        if (target || kind === 0 /* Other */ || kind === 3 /* String */) continue;
        if (kind === 1 /* Respelled */) return true;
        if (match === -1) return true;
        const name = text.slice(start, end);
        const length = ends[match] - starts[match];
        let matchName;
        for (const owner2 of protocolOwners(name)) {
          const m = matchOfProtocol(owner2);
          if (m.length === length && text.startsWith(m, starts[match])) matchName = m;
        }
        if (matchName === void 0) return true;
        const order = OPTION_ORDER[matchName];
        if (order !== void 0) {
          const r = rankIn(order, name);
          if (r <= optionRank) return true;
          optionRank = r;
        }
        continue;
      }
      if (end - start !== 2) return true;
      if (code !== 16 /* MatchOption */) target = true;
      else if (!target) {
        if (t + 1 >= to || codes[t + 1] !== 23 /* Word */) return true;
        match = t + 1;
        optionRank = -1;
      }
      continue;
    }
    if (!isWord(code)) continue;
    if (code === 24 /* QuotedWord */) {
      if (!quotedAsSaved(text, start, end, isString2)) return true;
      continue;
    }
    if (isString2) {
      for (let k = start; k < end; k++) if (!isSafe(text.charCodeAt(k))) return true;
    }
    if (generic === 115 || generic === 100) {
      if (!addressAsSaved(text, start, end)) return true;
    } else if (generic === 112 && !protocolAsSaved(text, start, end)) return true;
  }
  return false;
}
var isSafe = (c) => c === 45 || c === 95 || c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
var matchOfProtocol = (protocol) => protocol === "ipv6-icmp" ? "icmp6" : protocol;
var PROTOCOL_MATCH_NAMES = new Set(Object.keys(PROTOCOL_MATCH_OPTIONS).map(matchOfProtocol));
var protocolOptions;
function isProtocolOption3(name) {
  protocolOptions ??= new Set(Object.values(PROTOCOL_MATCH_OPTIONS).flat());
  return protocolOptions.has(name);
}
function quotedAsSaved(text, start, end, isString2) {
  if (end - start < 2 || text.charCodeAt(start) !== 34 || text.charCodeAt(end - 1) !== 34) return false;
  let needsQuotes = end - start === 2;
  for (let k = start + 1; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    if (c === 92 || c === 34 || c === 39) return false;
    if (isString2 ? !isSafe(c) : c === 32 || c === 9) needsQuotes = true;
  }
  return needsQuotes;
}
function addressAsSaved(text, start, end) {
  let address = 0;
  let part = -1;
  let parts = 0;
  let k = start;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      if (part === 0) return false;
      part = part === -1 ? c - 48 : part * 10 + c - 48;
      if (part > 255) return false;
    } else if ((c === 46 || c === 47) && part !== -1) {
      address = (address << 8 | part) >>> 0;
      part = -1;
      parts++;
      if (c === 47) break;
    } else return false;
  }
  if (parts !== 4 || k >= end) return false;
  let prefix = 0;
  if (text.charCodeAt(k + 1) === 48) return false;
  for (k++; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
    prefix = prefix * 10 + c - 48;
  }
  if (prefix === 0 || prefix > 32 || text.charCodeAt(end - 1) === 47) return false;
  return (address & ~prefixMask2(prefix)) === 0;
}
function protocolAsSaved(text, start, end) {
  const first2 = text.charCodeAt(start);
  if (first2 < 97 || first2 > 122) return false;
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 45 || c >= 48 && c <= 57 || c >= 97 && c <= 122)) return false;
  }
  const length = end - start;
  return !(length === 3 && text.startsWith("all", start) || length === 6 && text.startsWith("icmpv6", start));
}
function parseIPv4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    n = (n << 8 | Number(part)) >>> 0;
  }
  return n;
}
var prefixMask2 = (bits) => bits === 0 ? 0 : 4294967295 << 32 - bits >>> 0;
var dotted = (n) => [n >>> 24, n >>> 16 & 255, n >>> 8 & 255, n & 255].join(".");
function savedAddress(value) {
  const slash = value.indexOf("/");
  const host = slash === -1 ? value : value.slice(0, slash);
  const mask = slash === -1 ? null : value.slice(slash + 1);
  if (host.includes(":")) {
    if (host.includes(".") || mask !== null && !/^\d{1,3}$/.test(mask)) return null;
    const bits = mask === null ? 128 : Number(mask);
    if (bits > 128 || bits === 0) return null;
    let short2;
    try {
      short2 = new URL(`http://[${host}]/`).hostname.slice(1, -1);
    } catch {
      return null;
    }
    if (short2.startsWith("::")) return null;
    return bits === 128 ? `${short2}/128` : maskedIPv6(short2, bits);
  }
  const address = parseIPv4(host);
  if (address === null) return null;
  let maskBits;
  if (mask === null) maskBits = 4294967295;
  else if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) maskBits = prefixMask2(Number(mask));
  else {
    const m = parseIPv4(mask);
    if (m === null) return null;
    maskBits = m;
  }
  if (maskBits === 0) return null;
  const network = (address & maskBits) >>> 0;
  const inverted = ~maskBits >>> 0;
  const contiguous = (inverted & inverted + 1) === 0;
  const prefix = 32 - bitCount(inverted);
  return `${dotted(network)}/${contiguous ? prefix : dotted(maskBits)}`;
}
function bitCount(n) {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v >>>= 1) count += v & 1;
  return count;
}
function maskedIPv6(short2, bits) {
  const groups = expandIPv6(short2);
  for (let g = 0; g < 8; g++) {
    const keep = Math.min(16, Math.max(0, bits - g * 16));
    groups[g] &= keep === 0 ? 0 : 65535 << 16 - keep & 65535;
  }
  const network = new URL(`http://[${groups.map((g) => g.toString(16)).join(":")}]/`).hostname.slice(1, -1);
  return network.startsWith("::") && network !== "::" ? null : `${network}/${bits}`;
}
function expandIPv6(short2) {
  const [head2, tail] = short2.includes("::") ? short2.split("::") : [short2, null];
  const left = head2 === "" ? [] : head2.split(":").map((g) => parseInt(g, 16));
  const right = tail === null || tail === "" ? [] : tail.split(":").map((g) => parseInt(g, 16));
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}
function readElements(lexed, from, to) {
  const { codes, starts, ends } = lexed.tokens;
  const text = lexed.text;
  const elements = [];
  let bang = false;
  for (let t = from; t < to; t++) {
    const code = codes[t];
    if (code === 4 /* Bang */) {
      const late = t + 1 < to && isWord(codes[t + 1]) && t > from && isOption(codes[t - 1]);
      if (late && elements.length > 0) {
        elements[elements.length - 1].bang = true;
      } else bang = true;
      continue;
    }
    if (isOption(code)) {
      const raw = text.slice(starts[t], ends[t]);
      if (raw.includes("=") || raw.includes('"')) return null;
      elements.push({ bang, code, name: raw, values: [] });
      bang = false;
      continue;
    }
    if (!isWord(code) || elements.length === 0 || bang) return null;
    elements[elements.length - 1].values.push(decodeWord(text.slice(starts[t], ends[t])));
  }
  return bang ? null : elements;
}
function canonicalText(elements) {
  if (elements === null) return null;
  const generic = [];
  const matches = [];
  const rest = [];
  let protocol = null;
  let current = null;
  let target = false;
  const word = (option2, value) => keyWord(value, STRING_OPTIONS.has(option2));
  const written = (e, name, values2) => `${e.bang ? "! " : ""}${[name, ...values2.map((v) => word(name, v))].join(" ")}`;
  for (const e of elements) {
    if (e.code === 19 /* SetCountersOption */) continue;
    if (target && e.code !== 21 /* GenericOption */) {
      if (e.code !== 22 /* ModuleOption */ || isProtocolOption3(e.name)) return null;
      rest.push(written(e, e.name, e.values));
      continue;
    }
    switch (e.code) {
      case 21 /* GenericOption */: {
        const name = GENERIC_SHORT[e.name] ?? e.name;
        const rank2 = GENERIC_RANK[name];
        if (rank2 === void 0 || generic.some(([r]) => r === rank2)) return null;
        let value = e.values[0];
        if (name === "-f") {
          if (e.values.length !== 0) return null;
        } else if (e.values.length !== 1) return null;
        if (name === "-s" || name === "-d") {
          const address = savedAddress(value);
          if (address === null) return null;
          value = address;
        } else if (name === "-p") {
          const p = normalizeProtocol(value);
          if (p === "all" || p === "0") {
            if (e.bang) return null;
            protocol = null;
            continue;
          }
          if (!/^[a-z][-a-z0-9]*$/.test(p)) return null;
          protocol = p;
          value = p;
        }
        generic.push([rank2, `${e.bang ? "! " : ""}${name}${value === void 0 ? "" : ` ${word(name, value)}`}`]);
        break;
      }
      case 16 /* MatchOption */: {
        if (e.bang || e.values.length !== 1) return null;
        const name = e.values[0];
        if (OPTION_ORDER[name] !== void 0 && matches.some((m) => m.name === name)) return null;
        current = { name, options: [] };
        matches.push(current);
        break;
      }
      case 22 /* ModuleOption */: {
        let name = MATCH_SPELLING[e.name] ?? e.name;
        let values2 = e.values;
        if (name === "--syn") {
          if (values2.length !== 0) return null;
          name = "--tcp-flags";
          values2 = ["FIN,SYN,RST,ACK", "SYN"];
        }
        const owners2 = isProtocolOption3(e.name) || e.name === "--syn" ? protocolOwners(e.name) : null;
        let into = current;
        if (owners2 !== null && !(current !== null && owners2.some((p) => matchOfProtocol(p) === current.name))) {
          if (matches.some((m) => !NOT_OWNING.has(m.name) && !PROTOCOL_MATCH_NAMES.has(m.name))) return null;
          if (protocol === null || !owners2.includes(protocol)) return null;
          const implied = matchOfProtocol(protocol);
          into = matches.find((m) => m.name === implied) ?? null;
          if (into === null) {
            into = { name: implied, options: [] };
            matches.push(into);
          }
          current = into;
        }
        if (into === null) return null;
        into.options.push([written(e, name, values2), name]);
        break;
      }
      case 17 /* JumpOption */:
      case 18 /* GotoOption */:
        if (e.bang || e.values.length !== 1) return null;
        target = true;
        rest.push(`${e.code === 17 /* JumpOption */ ? "-j" : "-g"} ${word("-j", e.values[0])}`);
        break;
      default:
        return null;
    }
  }
  const out = generic.sort((a, b) => a[0] - b[0]).map(([, w]) => w);
  for (const match of matches) {
    out.push(`-m ${word("-m", match.name)}`);
    const order = OPTION_ORDER[match.name];
    const options = order === void 0 ? match.options : [...match.options].sort((a, b) => rankIn(order, a[1]) - rankIn(order, b[1]));
    for (const [w] of options) out.push(w);
  }
  out.push(...rest);
  return out.join(" ");
}
var rankIn = (order, name) => {
  const at = order.indexOf(name);
  return at === -1 ? order.length : at;
};
var owners = /* @__PURE__ */ new Map();
function protocolOwners(option2) {
  let found = owners.get(option2);
  if (found === void 0) {
    found = option2 === "--syn" ? ["tcp"] : Object.keys(PROTOCOL_MATCH_OPTIONS).filter((protocol) => PROTOCOL_MATCH_OPTIONS[protocol].includes(option2));
    owners.set(option2, found);
  }
  return found;
}
function canonicalRuleOfLine(lexed, line, start, end) {
  const { starts } = lexed.tokens;
  let from = lexed.firstTokens[line];
  const last2 = lexed.firstTokens[line + 1];
  while (from < last2 && starts[from] < start) from++;
  let to = from;
  while (to < last2 && starts[to] < end) to++;
  return canonicalRule(lexed, from, to);
}
var ruleKeyOfLine = (lexed, line, start, end) => canonicalRuleOfLine(lexed, line, start, end) ?? lexed.text.slice(start, end);

// rules/model/graph.ts
var SMALL = 16;
function chainGraph(replay) {
  return replay.appendOnly ? new AppendedGraph(replay) : new ReplayedGraph(replay);
}
var SCANNED_CALLER_QUERIES = 8;
function callerLists(forEachEdge) {
  let lists;
  const unique2 = /* @__PURE__ */ new Map();
  return (id) => {
    let callers = unique2.get(id);
    if (callers !== void 0) return callers;
    if (lists === void 0 && unique2.size < SCANNED_CALLER_QUERIES) {
      const found = [];
      forEachEdge((from, to) => {
        if (to === id && from !== id && found[found.length - 1] !== from) found.push(from);
      });
      callers = [...new Set(found)];
    } else {
      if (lists === void 0) {
        const built = /* @__PURE__ */ new Map();
        forEachEdge((from, to) => {
          if (to < 0 || to === from) return;
          const list2 = built.get(to);
          if (list2 === void 0) built.set(to, [from]);
          else if (list2[list2.length - 1] !== from) list2.push(from);
        });
        lists = built;
      }
      callers = [...new Set(lists.get(id) ?? [])];
    }
    unique2.set(id, callers);
    return callers;
  };
}
var AppendedGraph = class {
  constructor(replay) {
    this.replay = replay;
    this.declared = new Uint8Array(replay.names.count);
    for (const id of replay.declaredIds) this.declared[id] = 1;
    this.userChains = replay.declaredIds.filter((id) => !replay.isBuiltin(id));
    this.callers = callerLists((visit) => {
      const { steps, chainIds, targetIds, span } = replay;
      for (let at = 0; at < span; at++) if (steps[at] === 1 /* Append */ && chainIds[at] !== -1) visit(chainIds[at], targetIds[at]);
    });
  }
  get chains() {
    return this.chainList ??= chainMap(this.replay);
  }
  exists(id) {
    const { ruleCounts } = this.replay;
    return id < this.declared.length && this.declared[id] === 1 || id < ruleCounts.length && ruleCounts[id] > 0;
  }
  forEachTarget(id, visit) {
    const { lastRule, previous, targetIds } = this.replay;
    if (id < lastRule.length) for (let at = lastRule[id]; at !== -1; at = previous[at]) visit(targetIds[at]);
  }
  forEachRule(visit) {
    const { steps, chainIds, span, base } = this.replay;
    for (let at = 0; at < span; at++) if (steps[at] === 1 /* Append */ && chainIds[at] !== -1) visit(base + at, chainIds[at]);
  }
  ruleCount(id) {
    const { ruleCounts } = this.replay;
    return id < ruleCounts.length ? ruleCounts[id] : 0;
  }
  rulesOf(id) {
    const { lastRule, previous, base } = this.replay;
    const last2 = id < lastRule.length ? lastRule[id] : -1;
    let count = 0;
    for (let at = last2; at !== -1; at = previous[at]) count++;
    const lines = new Array(count);
    for (let at = last2; at !== -1; at = previous[at]) lines[--count] = base + at;
    return lines;
  }
  previousRule(line) {
    const at = this.replay.offsetOf(line);
    if (at === -1 || !this.keepsAt(at)) return -1;
    const before2 = this.replay.previous[at];
    return before2 === -1 ? -1 : this.replay.base + before2;
  }
  keeps(line) {
    const at = this.replay.offsetOf(line);
    return at !== -1 && this.keepsAt(at);
  }
  describe(id) {
    const { names: names2, ruleCounts } = this.replay;
    return { name: names2.name(id), declaration: this.replay.declarationsOf(names2.name(id))[0], rules: id < ruleCounts.length ? ruleCounts[id] : 0, id };
  }
  keepsAt(at) {
    return this.replay.steps[at] === 1 /* Append */ && this.replay.chainIds[at] !== -1;
  }
  /**
   * One pass over the lines: each chain's rules are its `-A` lines in file order, which the
   * replay links line to line (`previous`). Two rules can be the same rule only with the same
   * target (jump or goto), which the replay knows by id whatever the spelling: only rules that
   * share their chain and target with another are given keys (as iptables-save prints them) and
   * compared, so a kube-proxy dump, whose rules of a chain mostly go to different chains, is
   * compared almost without reading a rule. Small chains are searched back rule by rule; large
   * ones by chain and target, then by key.
   */
  repeats() {
    const { span, steps, chainIds, targetIds, gotos, previous, ruleCounts: counts, base } = this.replay;
    const keys2 = new RuleKeys(this.replay);
    const width = this.replay.names.count + 1;
    const found = [];
    let byTarget;
    for (let at = 0; at < span; at++) {
      if (steps[at] !== 1 /* Append */ || chainIds[at] === -1) continue;
      const chain = chainIds[at];
      if (counts[chain] < 2) continue;
      const target = targetIds[at];
      if (counts[chain] <= SMALL) {
        for (let other = previous[at]; other !== -1; other = previous[other]) {
          if (targetIds[other] === target && gotos[other] === gotos[at] && keys2.key(other) === keys2.key(at)) {
            found.push({ earlier: base + other, later: base + at, chain });
            break;
          }
        }
        continue;
      }
      const bucket = (chain * width + target + 1) * 2 + gotos[at];
      byTarget ??= /* @__PURE__ */ new Map();
      const entry = byTarget.get(bucket);
      if (entry === void 0) {
        byTarget.set(bucket, at);
        continue;
      }
      let byKey2;
      if (typeof entry === "number") byTarget.set(bucket, byKey2 = /* @__PURE__ */ new Map([[keys2.key(entry), entry]]));
      else byKey2 = entry;
      const key = keys2.key(at);
      const earlier = byKey2.get(key);
      if (earlier !== void 0) found.push({ earlier: base + earlier, later: base + at, chain });
      byKey2.set(key, at);
    }
    return found;
  }
};
var RuleKeys = class {
  constructor(replay) {
    this.replay = replay;
    this.keys = /* @__PURE__ */ new Map();
  }
  key(at) {
    let key = this.keys.get(at);
    if (key === void 0) {
      const { ruleStarts, ruleEnds, base } = this.replay;
      key = ruleKeyOfLine(this.replay.document.source.lexed, base + at, ruleStarts[at], ruleEnds[at]);
      this.keys.set(at, key);
    }
    return key;
  }
};
var ReplayedGraph = class {
  constructor(replay) {
    this.replay = replay;
    this.byId = /* @__PURE__ */ new Map();
    this.chains = chainMap(replay);
    for (const chain of this.chains.values()) this.byId.set(replay.names.internString(chain.name), chain);
    this.userChains = [...this.byId].filter(([id, chain]) => chain.declaration !== null && !replay.isBuiltin(id)).map(([id]) => id);
    this.callers = callerLists((visit) => {
      for (const [id, chain] of this.byId) for (const line of chain.rules) visit(id, this.targetOf(line));
    });
  }
  exists(id) {
    return this.byId.has(id);
  }
  forEachTarget(id, visit) {
    for (const line of this.byId.get(id)?.rules ?? []) visit(this.targetOf(line));
  }
  forEachRule(visit) {
    for (const [id, chain] of this.byId) for (const line of chain.rules) visit(line.index, id);
  }
  ruleCount(id) {
    return this.byId.get(id)?.rules.length ?? 0;
  }
  rulesOf(id) {
    return (this.byId.get(id)?.rules ?? []).map((line) => line.index);
  }
  previousRule(line) {
    const at = this.replay.offsetOf(line);
    if (at === -1) return -1;
    const { before: before2 } = this.ruleOrder();
    return before2[at] === 0 ? -1 : this.replay.base + before2[at] - 1;
  }
  keeps(line) {
    const at = this.replay.offsetOf(line);
    return at !== -1 && this.ruleOrder().kept[at] === 1;
  }
  describe(id) {
    const chain = this.byId.get(id);
    return { name: chain.name, declaration: chain.declaration, rules: chain.rules.length, id };
  }
  /** Chain by chain, in kernel order: each rule's text looked up among the earlier ones. */
  repeats() {
    const { base } = this.replay;
    const keys2 = new RuleKeys(this.replay);
    const found = [];
    for (const [id, chain] of this.byId) {
      if (chain.rules.length < 2) continue;
      const byText = /* @__PURE__ */ new Map();
      for (const line of chain.rules) {
        const key = keys2.key(line.index - base);
        const earlier = byText.get(key);
        if (earlier !== void 0) found.push({ earlier, later: line.index, chain: id });
        byText.set(key, line.index);
      }
    }
    return found;
  }
  targetOf(line) {
    const at = this.replay.offsetOf(line.index);
    return at === -1 ? -1 : this.replay.targetIds[at];
  }
  ruleOrder() {
    if (this.order === void 0) {
      const { base, span } = this.replay;
      const before2 = new Int32Array(span);
      const kept = new Uint8Array(span);
      for (const chain of this.byId.values()) {
        let last2 = -1;
        for (const line of chain.rules) {
          const at = line.index - base;
          kept[at] = 1;
          before2[at] = last2 + 1;
          last2 = at;
        }
      }
      this.order = { before: before2, kept };
    }
    return this.order;
  }
};
function unreachedChains(graph, isRoot) {
  const replay = graph.replay;
  const builtins = [...replay.builtins].map((name) => replay.names.internString(name));
  const reached = new Uint8Array(replay.names.count);
  const stack = [];
  const enter = (id) => {
    reached[id] = 1;
    stack.push(id);
  };
  const follow = (next2) => {
    if (next2 !== -1 && reached[next2] === 0 && !replay.isKnownTarget(next2)) enter(next2);
  };
  const visit = () => {
    while (stack.length) graph.forEachTarget(stack.pop(), follow);
  };
  for (const id of builtins) enter(id);
  visit();
  const left = graph.userChains.filter((id) => reached[id] === 0);
  for (const id of left) if (isRoot(replay.names.name(id))) enter(id);
  visit();
  const unreached = left.filter((id) => reached[id] === 0).map((id) => graph.describe(id));
  let referrers;
  return {
    unreached,
    referrers(chain) {
      if (referrers === void 0) {
        referrers = /* @__PURE__ */ new Map();
        for (const other of unreached) {
          const targets = /* @__PURE__ */ new Set();
          graph.forEachTarget(other.id, (target) => targets.add(target));
          for (const target of targets) {
            if (target === -1 || target === other.id) continue;
            let from = referrers.get(target);
            if (from === void 0) referrers.set(target, from = []);
            from.push(other.name);
          }
        }
      }
      return referrers.get(chain.id) ?? [];
    }
  };
}

// rules/model/hooks.ts
var BACKWARD_LIMIT = 16;
var UNREACHED = -1;
var bitOf = (hook) => 1 << HOOKS.indexOf(hook);
var NO_HOOKS = [];
function manyDistinct(ids, limit) {
  if (ids.length <= limit) return false;
  const seen = /* @__PURE__ */ new Set();
  for (const id of ids) if (seen.add(id).size > limit) return true;
  return false;
}
var HookReachability = class {
  constructor(graph, table) {
    this.graph = graph;
    /** Hooks reaching a chain (one bit per hook), found backwards, by chain id. */
    this.masks = /* @__PURE__ */ new Map();
    /** Forward walks: by chain id, the chain it was first reached from (UNREACHED if not). */
    this.walked = /* @__PURE__ */ new Map();
    this.names = graph.replay.names;
    this.builtins = new Set(table === null ? HOOKS : BUILTIN_CHAINS[table] ?? []);
    this.hooks = HOOKS.filter((hook) => this.builtins.has(hook));
    this.hookIds = Int32Array.from(HOOKS, (hook) => this.builtins.has(hook) ? this.names.internString(hook) : -1);
  }
  /** Whether the hook's built-in chain reaches the chain through jumps and gotos (a built-in chain reaches itself). */
  reaches(hook, chain) {
    const id = typeof chain === "string" ? this.names.find(chain) : chain;
    if (id === -1) return false;
    if (id === this.hookIds[HOOKS.indexOf(hook)]) return true;
    const forward = this.walked.get(hook);
    if (forward !== void 0) return id < forward.length && forward[id] !== UNREACHED;
    return (this.maskOf(id) & bitOf(hook)) !== 0;
  }
  /**
   * For each chain, the hooks among `hooks` whose built-in chain reaches it, in the kernel's
   * order: many chains asked at once are answered from one forward walk per hook.
   */
  hooksReaching(hooks2, chains) {
    if (!manyDistinct(chains, BACKWARD_LIMIT)) return chains.map((chain) => hooks2.filter((hook) => this.reaches(hook, chain)));
    const walks = hooks2.map((hook) => this.walk(hook));
    const own = hooks2.map((hook) => this.hookIds[HOOKS.indexOf(hook)]);
    const found = new Array(chains.length);
    for (let k = 0; k < chains.length; k++) {
      const id = chains[k];
      let reaching;
      for (let h = 0; h < hooks2.length; h++) {
        const from = walks[h];
        if (own[h] !== -1 && id === own[h] || id >= 0 && id < from.length && from[id] !== UNREACHED) (reaching ??= []).push(hooks2[h]);
      }
      found[k] = reaching ?? NO_HOOKS;
    }
    return found;
  }
  /** The table's hooks that reach the chain, in the kernel's order. */
  hooksOf(chain) {
    return this.hooks.filter((hook) => this.reaches(hook, chain));
  }
  /** A shortest path of chain names from the hook's built-in chain to `chain`, both included; [] when unreached. */
  path(chain, hook) {
    const from = this.walk(hook);
    const id = this.names.find(chain);
    if (id === -1 || id >= from.length || from[id] === UNREACHED) return [];
    const path = [chain];
    for (let at = id; from[at] !== at && path.length <= from.length; at = from[at]) path.unshift(this.names.name(from[at]));
    return path;
  }
  /**
   * The hooks reaching a chain: its own if built in, else those of the built-in chains among
   * the chains that jump to it, to those, and so on (breadth first over the callers). Only the
   * chain asked about is remembered: a chain met on the way may sit in a cycle not yet walked
   * in full (iptables refuses loops, but a ruleset given to lint may have one).
   */
  maskOf(id) {
    const known = this.masks.get(id);
    if (known !== void 0) return known;
    let mask = 0;
    const seen = /* @__PURE__ */ new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      const chain = queue[i];
      const own = this.hookIds.indexOf(chain);
      if (own !== -1) {
        mask |= 1 << own;
        continue;
      }
      if (!this.graph.exists(chain)) continue;
      for (const caller of this.graph.callers(chain)) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        queue.push(caller);
      }
    }
    this.masks.set(id, mask);
    return mask;
  }
  /** Breadth first from the hook's chain over the jumps of every chain reached, by chain id. */
  walk(hook) {
    let from = this.walked.get(hook);
    if (from !== void 0) return from;
    const { replay } = this.graph;
    const start = this.hookIds[HOOKS.indexOf(hook)];
    from = new Int32Array(this.names.count).fill(UNREACHED);
    this.walked.set(hook, from);
    if (start === -1) return from;
    const reached = from;
    from[start] = start;
    const queue = [start];
    let name = start;
    const follow = (to) => {
      if (to === -1 || reached[to] !== UNREACHED || replay.isKnownTarget(to) || replay.isBuiltin(to) || !this.graph.exists(to)) return;
      reached[to] = name;
      queue.push(to);
    };
    for (let i = 0; i < queue.length; i++) {
      name = queue[i];
      this.graph.forEachTarget(name, follow);
    }
    return from;
  }
};

// rules/model/origin.ts
function rulesetFamily(document, addressCounts, configured) {
  if (configured !== void 0) return { family: configured.family, because: configured.because, source: "configuration", declared: true };
  for (const line of commentLines(document)) {
    const header = /^# Generated by (ip6tables|iptables)[-\w]*/.exec(line.text);
    if (header) {
      return { family: header[1] === "ip6tables" ? 6 : 4, because: `its header says \`${header[0].slice(15)}\``, source: "header", declared: true };
    }
  }
  const family = familyOfName(document.filePath);
  if (family !== null) return { family, because: `its name is \`${baseName(document.filePath)}\``, source: "name", declared: true };
  const { v4, v6 } = addressCounts();
  if (v4 === v6) return null;
  const guessed = v6 > v4 ? 6 : 4;
  return { family: guessed, because: `most of its addresses (${Math.max(v4, v6)} of ${v4 + v6}) are IPv${guessed}`, source: "addresses", declared: false };
}
var baseName = (path) => path.split(/[\\/]/).pop() ?? "";
function familyOfName(path) {
  const name = baseName(path ?? "");
  if (/ip6tables|(^|[._-])v6($|[._-])|ipv6/i.test(name)) return 6;
  if (/iptables|(^|[._-])v4($|[._-])|ipv4/i.test(name)) return 4;
  return null;
}
function backendOf(document) {
  for (const line of commentLines(document)) {
    const text = line.text;
    if (!text.startsWith("# Generated by ")) continue;
    if (/nf_tables|-nft-save|xtables-save/.test(text)) return "nft";
    if (/^# Generated by ip6?tables(-legacy)?-save/.test(text)) return "legacy";
  }
  return null;
}
function* commentLines(document) {
  const count = document.source.lexed.lineCount;
  for (let i = 0; i < count; i++) if (document.kindOf(i) === "comment") yield document.line(i);
}

// rules/model/model.ts
var models = /* @__PURE__ */ new WeakMap();
function modelOf(document, options) {
  let model = models.get(document);
  if (model === void 0 || options !== void 0 && !sameOptions(model.options, options)) {
    models.set(document, model = new DocumentModel(document, options ?? {}));
  }
  return model;
}
var sameOptions = (a, b) => a.family?.family === b.family?.family && a.family?.because === b.family?.because;
var DocumentModel = class {
  constructor(document, options) {
    this.document = document;
    this.options = options;
    this.byTable = /* @__PURE__ */ new Map();
  }
  get lines() {
    return this.index ??= buildLineIndex(this.document);
  }
  tables() {
    return this.known ??= this.document.tables.filter((table) => isKnownTable(table.name)).map((table) => this.modelOfTable(table));
  }
  tableOf(table) {
    return this.byTable.get(table) ?? (this.document.tables.includes(table) ? this.modelOfTable(table) : void 0);
  }
  family() {
    if (this.familyFound === void 0) this.familyFound = rulesetFamily(this.document, () => this.lines.addressCounts, this.options.family);
    return this.familyFound;
  }
  backend() {
    if (this.backendFound === void 0) this.backendFound = backendOf(this.document);
    return this.backendFound;
  }
  skippedLines() {
    if (this.skipped === void 0) {
      const flagged = this.index !== void 0 || mayGiveAFamily(this.document) ? this.lines.linesWith({ options: ["-4", "--ipv4", "-6", "--ipv6"] }) : [];
      const family = flagged.length === 0 ? null : this.family()?.family ?? null;
      const other = family === 4 ? ["-6", "--ipv6"] : ["-4", "--ipv4"];
      this.skipped = family === null ? [] : Array.from(flagged).filter((line) => other.some((o) => this.lines.uses(line, o)));
    }
    return this.skipped;
  }
  /** The chains of a table it has already replayed, or undefined. */
  replayedChains(table) {
    return this.byTable.get(table)?.chainsIfMade();
  }
  modelOfTable(table) {
    let found = this.byTable.get(table);
    if (found === void 0) {
      this.names ??= documentNames(this.document);
      this.byTable.set(table, found = new TableModelImpl(this.document, table, this.names, this.skippedLines()));
    }
    return found;
  }
};
function mayGiveAFamily(document) {
  const { text, tokens } = document.source.lexed;
  const { codes, starts, ends, count } = tokens;
  for (let t = 0; t < count; t++) {
    const code = codes[t];
    if (code !== 21 /* GenericOption */ && code !== 22 /* ModuleOption */) continue;
    for (let i = starts[t]; i < ends[t]; i++) {
      const c = text.charCodeAt(i);
      if (c === 52 || c === 54) return true;
    }
  }
  return false;
}
var TableModelImpl = class {
  constructor(document, table, names2, skipped) {
    this.document = document;
    this.table = table;
    this.replay = new TableReplay(document, table, names2, skipped);
  }
  get builtins() {
    return this.replay.builtins;
  }
  get partial() {
    return this.replay.partial;
  }
  get appendOnly() {
    return this.replay.appendOnly;
  }
  get deletesOrRenames() {
    return this.replay.deletesOrRenames;
  }
  get missingChains() {
    return this.replay.missingChains;
  }
  get missingJumps() {
    return this.replay.missingJumps;
  }
  get builtinJumps() {
    return this.replay.builtinJumps;
  }
  get redeclarations() {
    return this.replay.redeclarations;
  }
  get policyDeclarations() {
    return this.replay.policyDeclarations;
  }
  get policyCommands() {
    return this.replay.policyCommands;
  }
  get newChainCommands() {
    return this.replay.newChainCommands;
  }
  declarationsOf(name) {
    return this.replay.declarationsOf(name);
  }
  declaredNames() {
    return this.replay.declaredNames();
  }
  declaredLater(name, line) {
    return this.replay.declarationsOf(name).find((d) => d.index > line.index);
  }
  firstMissingUse(name) {
    return this.replay.firstMissingUse(name);
  }
  stepOf(line) {
    const at = this.replay.offsetOf(line);
    return at === -1 ? 0 /* None */ : this.replay.steps[at];
  }
  chainOf(line) {
    const at = this.replay.offsetOf(line);
    return at === -1 ? NONE : this.replay.chainIds[at];
  }
  targetOf(line) {
    const at = this.replay.offsetOf(line);
    return at === -1 ? NONE : this.replay.targetIds[at];
  }
  isGoto(line) {
    const at = this.replay.offsetOf(line);
    return at !== -1 && this.replay.gotos[at] === 1;
  }
  target(line) {
    return this.targetOf(line.index) === NONE ? null : targetOf(line);
  }
  targetName(line) {
    const id = this.targetOf(line);
    return id === NONE ? void 0 : this.replay.names.name(id);
  }
  ruleTextStart(line) {
    return this.replay.ruleStarts[line - this.replay.base];
  }
  ruleTextEnd(line) {
    return this.replay.ruleEnds[line - this.replay.base];
  }
  ruleLinesOf(chain) {
    const { lastRule, previous, base } = this.replay;
    const lines = [];
    if (chain >= 0 && chain < lastRule.length) for (let at = lastRule[chain]; at !== -1; at = previous[at]) lines.push(base + at);
    return lines.reverse();
  }
  linesTargeting(name) {
    const id = this.replay.names.find(name);
    const { targetIds, span, base } = this.replay;
    const lines = [];
    if (id !== -1) {
      for (let at = 0; at < span; at++) if (targetIds[at] === id) lines.push(base + at);
    }
    return lines;
  }
  nameOf(id) {
    return this.replay.names.name(id);
  }
  idOf(name) {
    return this.replay.names.find(name);
  }
  nameStartsWith(id, prefix) {
    return this.replay.names.startsWith(id, prefix);
  }
  nameLength(id) {
    return this.replay.names.length(id);
  }
  nameStats() {
    return { longest: this.replay.names.maxLength, nonAscii: this.replay.names.nonAscii };
  }
  isKnownTarget(id) {
    return this.replay.isKnownTarget(id);
  }
  isBuiltin(id) {
    return this.replay.isBuiltin(id);
  }
  get chains() {
    return this.chainSet ??= new Chains(this.chainGraph());
  }
  get hooks() {
    return this.hookReach ??= new HookReachability(this.chainGraph(), this.table.name);
  }
  chainsIfMade() {
    return this.chainSet;
  }
  chainGraph() {
    return this.graph ??= chainGraph(this.replay);
  }
};
var Chains = class {
  constructor(graph) {
    this.graph = graph;
  }
  get(name) {
    return this.graph.chains.get(name);
  }
  isUserChain(name) {
    const id = this.graph.replay.names.find(name);
    if (id === -1 || this.graph.replay.isBuiltin(id) || !this.graph.exists(id)) return false;
    const chain = this.graph.chains.get(name);
    return chain !== void 0 && isUserChain(chain);
  }
  exists(chain) {
    return this.graph.exists(chain);
  }
  forEachRule(visit) {
    this.graph.forEachRule(visit);
  }
  ruleCount(chain) {
    return this.graph.ruleCount(chain);
  }
  rulesOf(chain) {
    return this.graph.rulesOf(chain);
  }
  previousRule(line) {
    return this.graph.previousRule(line);
  }
  keeps(line) {
    return this.graph.keeps(line);
  }
  userChains() {
    return this.graph.userChains;
  }
  callers(chain) {
    return this.graph.callers(chain);
  }
  unreached(isRoot) {
    return unreachedChains(this.graph, isRoot);
  }
  repeatedRules() {
    return this.graph.repeats();
  }
};
function chainsNamed(document, table, names2) {
  const model = modelOf(document);
  const made = model.replayedChains(table);
  if (made === void 0 && appendsOnly(table)) return appendedChainsNamed(table, names2);
  const chains = made ?? model.tableOf(table)?.chains;
  const found = /* @__PURE__ */ new Map();
  for (const name of names2) {
    const chain = chains?.get(name);
    if (chain) found.set(name, chain);
  }
  return found;
}

// rules/model/deny.ts
var DEPTH = 8;
function defaultDeny(table, chainName) {
  const chain = table.chains.get(chainName);
  if (chain === void 0) return null;
  const before2 = [];
  for (const rule of chain.rules) {
    if (isUnconditional(rule)) {
      const target = rule.target;
      if (target?.name === "DROP" || target?.name === "REJECT") return { deny: rule, before: before2 };
      if (target?.name === "ACCEPT" || target !== null && acceptsAll(table, target.name, DEPTH)) return null;
      if (target?.name === "RETURN" || target?.kind === "goto") break;
    }
    before2.push(rule);
  }
  const policy = policyOf(table, chainName);
  return policy !== null && policy.policy === "DROP" ? { deny: policy.line, before: chain.rules } : null;
}
function isUnconditional(line) {
  const rule = line.rule;
  if (rule === null || rule.generic.length > 0) return false;
  return rule.matches.every((match) => match.name === "comment");
}
function acceptsAll(table, name, depth) {
  if (depth === 0 || !table.chains.isUserChain(name)) return false;
  for (const rule of table.chains.get(name)?.rules ?? []) {
    const target = rule.target;
    if (target === null || !isUnconditional(rule)) continue;
    if (target.name === "ACCEPT") return true;
    if (acceptsAll(table, target.name, depth - 1)) return true;
    if (target.kind === "goto" || ["DROP", "REJECT", "RETURN"].includes(target.name)) return false;
  }
  return false;
}
function policyOf(table, chainName) {
  let found = null;
  const candidates = [...table.policyDeclarations, ...table.policyCommands];
  for (const line of candidates.sort((a, b) => a.index - b.index)) {
    if (line.kind === "chain") {
      if (line.name === chainName && line.policy !== null) found = { policy: line.policy, line };
    } else if (line.chain === chainName) {
      const policy = line.positional[1]?.value;
      if (policy !== void 0) found = { policy, line };
    }
  }
  return found;
}

// rules/model/option-values.ts
var valueOf = (v) => v.quoted ? decodeWord(v.text.slice(v.start, v.end)) : v.text.slice(v.start, v.end);
function forEachOptionValue(document, lines, visit, unusual) {
  const { lexed } = document.source;
  const { firstTokens, lineCount, text } = lexed;
  const { codes, starts, ends } = lexed.tokens;
  const v = { line: 0, ordinal: -1, option: "", start: 0, end: 0, quoted: false, text };
  const readLine3 = (line) => {
    const first2 = firstTokens[line];
    const last2 = firstTokens[line + 1];
    let ordinal = 0;
    for (let t = first2; t < last2; t++) {
      const code = codes[t];
      if (code !== 22 /* ModuleOption */ && code !== 21 /* GenericOption */) continue;
      const start = starts[t];
      const end = ends[t];
      if (hasQuoteOrEquals(text, start, end)) {
        unusual(line);
        return;
      }
      const value = t + 1 < last2 && codes[t + 1] === 4 /* Bang */ ? t + 2 : t + 1;
      v.line = line;
      if (code === 22 /* ModuleOption */) {
        v.ordinal = ordinal++;
        v.option = "";
      } else {
        v.ordinal = -1;
        v.option = end - start === 2 ? SHORT[text.charCodeAt(start + 1) & 127] : text.slice(start, end);
      }
      if (value >= last2) continue;
      const valueCode = codes[value];
      if (valueCode !== 23 /* Word */ && valueCode !== 24 /* QuotedWord */) continue;
      v.start = starts[value];
      v.end = ends[value];
      v.quoted = valueCode === 24 /* QuotedWord */;
      if (!visit(v)) return;
    }
  };
  if (lines === null) for (let line = 0; line < lineCount; line++) readLine3(line);
  else for (const line of lines) readLine3(line);
}
var SHORT = Array.from({ length: 128 }, (_, c) => `-${String.fromCharCode(c)}`);
function hasQuoteOrEquals(text, start, end) {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 || c === 34) return true;
  }
  return text.charCodeAt(start) === 34;
}

// rules/model/option-tokens.ts
function targetGivenOptions(lexed, n) {
  const first2 = lexed.firstTokens[n];
  const { codes } = lexed.tokens;
  for (let t = lexed.firstTokens[n + 1] - 1; t >= first2; t--) {
    const code = codes[t];
    if (code === 17 /* JumpOption */ || code === 18 /* GotoOption */) return false;
    if (code === 22 /* ModuleOption */) return true;
  }
  return false;
}
var LETTERS = "psdiofc";
var SHORT_BITS = new Uint8Array(128);
for (let k = 0; k < LETTERS.length; k++) SHORT_BITS[LETTERS.charCodeAt(k)] = 1 << k;
function longBit(word) {
  const letter = ONCE_BUILTINS[word];
  return letter === void 0 ? 0 : 1 << LETTERS.indexOf(letter);
}
var GENERIC4 = 21 /* GenericOption */ * 16843009;
var COUNTERS4 = 19 /* SetCountersOption */ * 16843009;
var hasZeroByte = (x) => (x - 16843009 & ~x & 2155905152 | 0) !== 0;
var mayHoldOption = (word) => hasZeroByte(word ^ GENERIC4) || hasZeroByte(word ^ COUNTERS4);
function linesRepeatingOnceOptions(lexed) {
  const { codes, starts, ends } = lexed.tokens;
  const { text, firstTokens, lineCount } = lexed;
  const count = firstTokens[lineCount];
  const words2 = codes.byteOffset % 4 === 0 ? new Int32Array(codes.buffer, codes.byteOffset, count >> 2) : new Int32Array(0);
  const found = [];
  let line = -1;
  let lineEnd = 0;
  let seen = 0;
  for (let t = 0; t < count; t++) {
    if ((t & 3) === 0 && t >> 2 < words2.length && !mayHoldOption(words2[t >> 2])) {
      t += 3;
      continue;
    }
    const code = codes[t];
    if (code !== 21 /* GenericOption */ && code !== 19 /* SetCountersOption */) continue;
    if (t >= lineEnd) {
      while (firstTokens[line + 1] <= t) line++;
      lineEnd = firstTokens[line + 1];
      seen = 0;
    }
    const start = starts[t];
    const bit = ends[t] - start === 2 ? SHORT_BITS[text.charCodeAt(start + 1) & 127] : longBit(text.slice(start, ends[t]));
    if ((seen & bit) !== 0 && found[found.length - 1] !== line) found.push(line);
    seen |= bit;
  }
  return found;
}

// rules/model/lines.ts
function commandLineAt(document, n) {
  if (document.kindOf(n) !== "command") return null;
  const line = document.line(n);
  return line.kind === "command" ? line : null;
}
function ruleLineAt(document, n) {
  const line = commandLineAt(document, n);
  return line !== null && line.command !== "delete" ? line : null;
}
function commentLinesStarting(document, prefix) {
  const { text, source } = document;
  const starts = source.lexed.lineStarts;
  const found = [];
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + prefix.length)) {
    const n = source.positionAt(at).line - 1;
    if (starts[n] !== at || document.kindOf(n) !== "comment") continue;
    const end = n + 1 < starts.length ? starts[n + 1] : text.length;
    found.push({ start: at, text: text.slice(at, end).replace(/\r?\n$/, "") });
  }
  return found;
}

// rules/model/rule-protocol.ts
var isProtocolOption4 = (view, i) => view.role(i) === "generic" && (view.is(i, "-p") || view.is(i, "--protocol"));
function protocolAt(view, i) {
  const text = view.value(i) ?? "";
  return { name: normalizeProtocol(text), text, negated: view.negated(i), element: i };
}
function ruleProtocol(view, end = view.count) {
  let protocol = null;
  for (let i = 0; i < end; i++) if (isProtocolOption4(view, i)) protocol = protocolAt(view, i);
  return protocol;
}
function protocolProblem(view, family) {
  const target = view.targetIndex();
  const end = target === -1 ? view.count : target;
  const rule = ruleProtocol(view);
  let before2 = null;
  const loaded = [];
  let implicit = null;
  for (let i = 0; i < end; i++) {
    const role = view.role(i);
    if (role === "generic") {
      if (isProtocolOption4(view, i)) before2 = protocolAt(view, i);
      continue;
    }
    if (role === "match") {
      const name = view.value(i);
      const match = name === null ? void 0 : findExtension("match", name, family);
      if (match !== void 0 && !loaded.some((l) => l.match === match)) loaded.push({ match, element: i });
      continue;
    }
    if (role !== "module" || !maybeOwned(view, i)) continue;
    const option2 = view.name(i);
    const owners2 = PROTOCOL_OPTION_OWNERS.get(option2);
    if (owners2 === void 0) continue;
    if (option2 === "--icmp-type" && family === 6 || option2 === "--icmpv6-type" && family === 4) return null;
    if (loaded.some((l) => findOption(l.match, option2, family) !== void 0)) continue;
    if ((option2 === "--dport" || option2 === "--sport") && loaded.some((l) => l.match.name === "multiport")) continue;
    if (implicit !== null && findOption(implicit, option2, family) !== void 0) continue;
    const loads = before2 === null ? void 0 : implicitMatch(before2.text, family);
    if (loads !== void 0 && findOption(loads, option2, family) !== void 0) {
      implicit = loads;
      continue;
    }
    return { kind: "unknown-option", element: i, option: option2, owners: owners2, before: before2, rule };
  }
  if (implicit !== null && rule !== null && rule.negated && normalizeProtocol(implicit.implicitFor?.[0] ?? "") === rule.name) {
    return { kind: "negated-implicit", element: rule.element, match: implicit, rule };
  }
  for (const { match, element: element2 } of loaded) {
    const required = protocolsNeededBy(match, family);
    if (required === void 0 || required === "unsure") continue;
    if (rule !== null && !rule.negated && required.includes(rule.name)) continue;
    return { kind: "match-needs-protocol", element: element2, match, required, rule };
  }
  return null;
}
function maybeOwned(view, i) {
  const range2 = view.optionRange(i);
  const length = range2.end - range2.start;
  return length >= 5 && length <= 20;
}

// rules/model/value-runs.ts
function linesWithWordRuns(document) {
  const { firstTokens, lineCount, tokens } = document.source.lexed;
  const codes = tokens.codes;
  const found = [];
  for (let line = 0; line < lineCount; line++) {
    const last2 = firstTokens[line + 1];
    let run = -1;
    for (let t = firstTokens[line]; t < last2; t++) {
      const code = codes[t];
      if (code === 23 /* Word */ || code === 24 /* QuotedWord */) {
        if (run >= 0 && ++run === 2) {
          found.push(line);
          break;
        }
      } else if (code >= 16 /* MatchOption */ && code <= 22 /* ModuleOption */) run = 0;
      else if (code !== 4 /* Bang */) run = -1;
    }
  }
  return found;
}

// rules/packet/compile.ts
var maybe = (key, probability = null) => ({ key, probability, negated: false });
var not = (a) => typeof a === "boolean" ? !a : { ...a, negated: !a.negated };
var answer = (a, negated) => negated ? not(a) : a;
var INDEX_FROM = 16;
var TableRules = class {
  constructor(document, model, family) {
    this.document = document;
    this.model = model;
    this.family = family;
    this.cache = new RuleCache();
    this.isChainName = (name) => this.isChain(name);
    const table = model.table;
    this.first = table.firstCommand;
    this.compiled = new Array(table.commandCount === 0 ? 0 : table.lastCommand - table.firstCommand + 1);
  }
  /** The rule of a command line of the table. */
  rule(line) {
    const at = line - this.first;
    let r = this.compiled[at];
    if (r === void 0) {
      const viewed = this.viewed(line);
      r = (viewed === null ? null : compileCommonRule(viewed, this.family, this, this.cache)) ?? compileRule(this.document.line(line), this.family, this.isChainName);
      this.compiled[at] = r;
    }
    return r;
  }
  /** The line's view, to read it without compiling it. */
  view(line) {
    const viewed = this.viewed(line);
    return viewed === null ? this.document.line(line).view : new LineView(viewed);
  }
  /** The command line's plan and place, without its node; null when it is no command line. */
  viewed(line) {
    const plan = this.document.commandPlan(line);
    return plan === null ? null : { source: this.document.source, index: line, plan };
  }
  isChain(name) {
    const id = this.model.idOf(name);
    return id !== NONE && this.isChainId(id);
  }
  targetId(line) {
    return this.model.targetOf(line);
  }
  isChainId(id) {
    return !this.model.isBuiltin(id) && this.model.chains.exists(id);
  }
};
function compileChain(name, table, lines, rules, policy, policyLine) {
  return new LazyChain(name, table, lines, rules, policy, policyLine);
}
var ranges = [];
var range = (n) => Int32Array.from({ length: n }, (_, i) => i);
var rangeOf = (n) => n < INDEX_FROM ? ranges[n] ??= range(n) : range(n);
var LazyChain = class {
  constructor(name, table, lines, tableRules, policy, policyLine) {
    this.name = name;
    this.table = table;
    this.lines = lines;
    this.tableRules = tableRules;
    this.policy = policy;
    this.policyLine = policyLine;
    this.index = null;
    this.all = rangeOf(lines.length);
    if (lines.length >= INDEX_FROM) {
      const keys2 = lines.map((line) => indexKeys(tableRules.view(line), tableRules.family));
      const byDestination = keys2.filter((k) => k.destination !== null).length;
      const byPort = keys2.filter((k) => k.destinationPort !== null).length;
      if (byDestination * 2 >= lines.length) this.index = indexBy(keys2.map((k) => k.destination === null ? null : addressKey(k.destination)), (p) => addressKey(p.destination));
      else if (byPort * 2 >= lines.length) this.index = indexBy(keys2.map((k) => k.destinationPort), (p) => p.destinationPort);
    }
  }
  get size() {
    return this.lines.length;
  }
  rule(i) {
    return this.tableRules.rule(this.lines[i]);
  }
  get rules() {
    return this.lines.map((line) => this.tableRules.rule(line));
  }
  candidates(p) {
    return this.index === null ? this.all : this.index(p);
  }
};
function indexKeys(view, family) {
  let destination = null;
  let port = null;
  let protocolNumber2 = false;
  let protocol = null;
  let current = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "generic") {
      if (view.is(i, "-p") || view.is(i, "--protocol")) {
        const value = view.value(i) ?? "";
        protocol = value.toLowerCase();
        const n = protocolNumberOf(value);
        if (n !== null && n !== 0 && !view.negated(i)) protocolNumber2 = true;
      } else if ((view.is(i, "-d") || view.is(i, "--destination") || view.is(i, "--dst")) && !view.negated(i)) {
        const value = view.value(i) ?? "";
        const plain = family === 4 ? plainNet4(value) : null;
        if (plain !== null) {
          if (plain.prefix === 32) destination = plain.network;
        } else {
          const parsed = parseGenericAddresses(value, family);
          if (parsed.kind === "value" && parsed.value.length === 1) {
            const net = netOf(parsed.value[0]);
            if (net.prefix === bitsOf(family)) destination = net.network;
          }
        }
      }
    } else if (role === "match") {
      current = view.value(i) ?? "";
    } else if (role === "jump" || role === "goto") {
      current = "";
    } else if (role === "module") {
      current ??= protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : protocol ?? "?";
      if (!Object.hasOwn(PORTED2, current)) continue;
      if ((view.is(i, "--dport") || view.is(i, "--destination-port")) && !view.negated(i)) {
        const range2 = portRangeOf(view.value(i) ?? "");
        if (range2 !== null && range2.min === range2.max) port = range2.min;
      }
    }
  }
  return { destination, destinationPort: protocolNumber2 ? port : null };
}
function protocolNumberOf(text) {
  if (text === "tcp") return 6;
  if (text === "udp") return 17;
  const parsed = parseGenericProtocol(text);
  return parsed.kind === "value" ? parsed.value : null;
}
function portRangeOf(text) {
  const port = plainPort(text);
  if (port !== -1) return { min: port, max: port };
  const parsed = parseTcpPorts(text);
  return parsed.kind === "value" ? parsed.value : null;
}
function plainPort(text) {
  if (text.length === 0 || text.length > 5 || text.length > 1 && text.charCodeAt(0) === 48) return -1;
  let port = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    port = port * 10 + (c - 48);
  }
  return port <= 65535 ? port : -1;
}
function indexBy(keys2, packetKey) {
  const lists = /* @__PURE__ */ new Map();
  const rest = [];
  keys2.forEach((key, i) => {
    if (key === null) rest.push(i);
    else {
      const list2 = lists.get(key);
      if (list2 === void 0) lists.set(key, i);
      else if (typeof list2 === "number") lists.set(key, [list2, i]);
      else list2.push(i);
    }
  });
  const restArray = Int32Array.from(rest);
  const allRules2 = Int32Array.from(keys2.keys());
  const merged = /* @__PURE__ */ new Map();
  return (p) => {
    const key = packetKey(p);
    if (key === null) return allRules2;
    const found = lists.get(key);
    if (found === void 0) return restArray;
    let out = merged.get(key);
    if (out === void 0) {
      const list2 = typeof found === "number" ? [found] : found;
      out = new Int32Array(list2.length + rest.length);
      let a = 0;
      let b = 0;
      for (let k = 0; k < out.length; k++) out[k] = b >= rest.length || a < list2.length && list2[a] < rest[b] ? list2[a++] : rest[b++];
      merged.set(key, out);
    }
    return out;
  };
}
var addressKey = (address) => address <= MAX_EXACT ? Number(address) : address;
var MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
var Element = class {
  constructor(view, i, withValues) {
    this.view = view;
    this.i = i;
    this.name = view.name(i);
    this.negated = view.negated(i);
    this.values = withValues ? view.values(i) : NO_VALUES;
  }
  /** The element as written (made when a condition quotes it). */
  get written() {
    return this.view.written(this.i);
  }
};
var NO_VALUES = [];
var Module = class {
  constructor(name, first2, options) {
    this.name = name;
    this.first = first2;
    this.options = options;
  }
  /** The `-m` element, if any, and its options, as written. */
  get written() {
    return [...this.first === null ? [] : [this.first.written], ...this.options.map((o) => o.written)];
  }
};
var element = (view, i, withValues) => new Element(view, i, withValues);
var moduleOf = (name, first2, options) => new Module(name, first2, options);
function readRule(view) {
  const generic = [];
  const modules2 = [];
  let target = null;
  let current = null;
  let protocol = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "generic") {
      const g = element(view, i, true);
      generic.push(g);
      if (g.name === "-p" || g.name === "--protocol") protocol = g.values[0]?.toLowerCase() ?? null;
    } else if (role === "match") {
      const m = element(view, i, true);
      current = moduleOf(m.values[0] ?? "", m, []);
      modules2.push(current);
    } else if (role === "jump" || role === "goto") {
      target = { kind: role, name: view.value(i) ?? "", options: [] };
      current = null;
    } else if (role === "module") {
      if (target !== null && current === null) target.options.push(element(view, i, true));
      else if (current !== null) current.options.push(element(view, i, current.name !== "comment"));
      else {
        current = moduleOf(protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : protocol ?? "?", null, [element(view, i, true)]);
        modules2.push(current);
      }
    }
  }
  return { generic, modules: modules2, target };
}
var Where = class {
  constructor(line) {
    this.line = line;
  }
  toString() {
    return `${this.line.source.filePath ?? "<input>"}:${this.line.index + 1}`;
  }
};
function compileRule(line, family, isChain) {
  const where = new Where(line);
  const { generic, modules: modules2, target } = readRule(line.view);
  const tests = [];
  let destinationKey = null;
  let destinationPortKey = null;
  let protocolNumber2 = null;
  for (const g of generic) {
    const value = g.values[0] ?? "";
    const match = genericMatchOf(g.name);
    switch (match) {
      case "source":
      case "destination": {
        const parsed = parseGenericAddresses(value, family);
        if (parsed.kind !== "value") {
          tests.push(unread(where, g.written));
          break;
        }
        const nets = parsed.value.map(netOf);
        const source = match === "source";
        if (!source && !g.negated && nets.length === 1 && nets[0].prefix === bitsOf(family)) destinationKey = nets[0].network;
        tests.push(addressTest(source, nets, g.negated, family));
        break;
      }
      case "in-interface":
      case "out-interface":
        tests.push(interfaceTest(match === "in-interface", value, g.negated));
        break;
      case "protocol": {
        const parsed = parseGenericProtocol(value);
        if (parsed.kind !== "value") {
          tests.push(unread(where, g.written));
          break;
        }
        const n = parsed.value;
        if (!g.negated && n !== 0) protocolNumber2 = n;
        tests.push((p) => n === 0 ? true : p.protocolNumber === n !== g.negated);
        break;
      }
      case "fragment":
        tests.push(() => g.negated);
        break;
    }
  }
  for (const m of modules2) {
    const built = moduleTests(m, where, family, protocolNumber2);
    tests.push(...built.tests);
    if (built.destinationPort !== null && protocolNumber2 !== null) destinationPortKey = built.destinationPort;
  }
  const action = target === null ? { kind: "none" } : actionOf(target, family, isChain(target.name));
  return { line: line.index, target: target?.name ?? null, tests, action, destinationKey, destinationPortKey };
}
var RuleCache = class {
  constructor() {
    /** By protocol number and negation (`-p`). */
    this.protocols = [];
    /** By protocol number (a ported match's own test). */
    this.matches = [];
    this.constants = [];
    /** By range, side and negation. */
    this.ports = /* @__PURE__ */ new Map();
    this.interfaces = /* @__PURE__ */ new Map();
    /** Targets without options of their own, by the id of their name (by the name when no id is known): jumps, gotos. */
    this.jumps = /* @__PURE__ */ new Map();
    this.gotos = /* @__PURE__ */ new Map();
    /** Lists of shared tests, as a trie by test. */
    this.lists = new TestLists();
    /** compileCommonRule's reader, reused rule after rule. */
    this.reader = new CommonRuleReader();
    /** The rule shapes of the table's lines, by plan. */
    this.shapes = /* @__PURE__ */ new Map();
  }
  /**
   * A target with no options (`-j ACCEPT`, `-j KUBE-MARK-MASQ`), element `element` of the view:
   * its name and action, one for all rules of the table (the family and names are the table's).
   * The name is read from the line only the first time.
   */
  target(kind, view, element2, id, family, names2) {
    const known = kind === "goto" ? this.gotos : this.jumps;
    const name = id === -1 ? view.value(element2) ?? "" : null;
    let t = known.get(name ?? id);
    if (t === void 0) {
      const written = name ?? view.value(element2) ?? "";
      const isChain = id === -1 ? names2.isChain(written) : names2.isChainId(id);
      known.set(name ?? id, t = { name: written, action: actionOf({ kind, name: written, options: NO_ELEMENTS }, family, isChain, isChain ? id : -1) });
    }
    return t;
  }
  /** The first `count` tests, all shared ones, as a list shared by every rule with them. */
  testList(tests, count) {
    let node = this.lists;
    for (let k = 0; k < count; k++) {
      node.next ??= /* @__PURE__ */ new Map();
      let next2 = node.next.get(tests[k]);
      if (next2 === void 0) node.next.set(tests[k], next2 = new TestLists());
      node = next2;
    }
    return node.list ??= tests.slice(0, count);
  }
  protocol(n, negated) {
    return this.protocols[n * 2 + (negated ? 1 : 0)] ??= protocolTest(n, negated);
  }
  match(n) {
    return this.matches[n] ??= isProtocol(n);
  }
  constant(value) {
    return this.constants[value ? 1 : 0] ??= constantTest(value);
  }
  port(source, range2, negated) {
    const key = ((range2.min * 65536 + range2.max) * 2 + (source ? 1 : 0)) * 2 + (negated ? 1 : 0);
    let t = this.ports.get(key);
    if (t === void 0) this.ports.set(key, t = portTest(source, range2, negated));
    return t;
  }
  interface(incoming, pattern, negated) {
    const key = `${incoming ? "i" : "o"}${negated ? "!" : ""}${pattern}`;
    let t = this.interfaces.get(key);
    if (t === void 0) this.interfaces.set(key, t = interfaceTest(incoming, pattern, negated));
    return t;
  }
};
var TestLists = class {
};
var NO_TESTS = [];
var NO_ELEMENTS = [];
var NO_ACTION = { kind: "none" };
var protocolTest = (n, negated) => (p) => n === 0 ? true : p.protocolNumber === n !== negated;
var isProtocol = (n) => (p) => p.protocolNumber === n;
var portTest = (source, r, negated) => (p) => inRange(source ? p.sourcePort : p.destinationPort, r) !== negated;
var constantTest = (value) => () => value;
var pickTest = (c) => () => c;
function plainNet4(text) {
  let address = 0;
  let group = 0;
  let digits = 0;
  let dots = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && group === 0) return null;
      group = group * 10 + (c - 48);
      if (++digits > 3 || group > 255) return null;
    } else if (c === 46 && digits > 0 && dots < 3) {
      address = address * 256 + group;
      group = digits = 0;
      dots++;
    } else break;
  }
  if (dots !== 3 || digits === 0) return null;
  address = address * 256 + group;
  let prefix = 32;
  if (i < text.length) {
    if (text.charCodeAt(i) !== 47 || i + 1 === text.length || text.length - i > 3) return null;
    prefix = 0;
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 48 || c > 57 || k > i + 1 && prefix === 0) return null;
      prefix = prefix * 10 + (c - 48);
    }
    if (prefix > 32) return null;
  }
  const mask = prefixMask(4, prefix);
  return { network: prefix === 32 ? BigInt(address) : BigInt(address) & mask, mask, prefix, exact: prefix === 32 };
}
function compileCommonRule(line, family, names2, cache2) {
  return cache2.reader.read(line, family, names2, cache2);
}
var CommonRuleReader = class {
  constructor() {
    /** The rule's tests so far: the generic options', then the modules' (compileRule's order). */
    this.genericTests = [];
    this.moduleTests = [];
    /** How many of each list are this rule's (the lists keep their room from rule to rule: `length = 0` would free it). */
    this.genericCount = 0;
    this.moduleCount = 0;
    this.optionCount = 0;
    /** The module the options read now belong to (its name), null before any and after the target. */
    this.current = null;
    /** Its `-m` element (-1 for the protocol's, loaded by `-p`) and its options' elements. */
    this.currentFirst = -1;
    this.currentOptions = [];
    this.moduleDestinationPort = null;
    /** Whether some test holds the line's own values (an address, a random pick): the rule then has its own list. */
    this.ownTests = false;
  }
  read(line, family, names2, cache2) {
    const view = new LineView(line);
    const shape2 = shapeOfLine(line, view, cache2.shapes, cache2);
    if (shape2 !== null) return shape2.steps === null ? null : this.readShaped(line, view, shape2, family, names2, cache2);
    this.view = view;
    this.line = line;
    this.cache = cache2;
    this.genericCount = 0;
    this.moduleCount = 0;
    this.ownTests = false;
    this.current = null;
    this.moduleDestinationPort = null;
    let destinationKey = null;
    let destinationPortKey = null;
    let protocolNumber2 = null;
    let protocol = null;
    let targetElement = -1;
    let targetKind = "jump";
    let targetOptions = null;
    for (let i = 0; i < view.count; i++) {
      const role = view.role(i);
      if (role === "generic") {
        const match = genericMatchOf(view.name(i));
        switch (match) {
          case "source":
          case "destination": {
            const value = view.value(i) ?? "";
            const negated = view.negated(i);
            const source = match === "source";
            const plain = family === 4 ? plainNet4(value) : null;
            if (plain !== null) {
              if (!source && !negated && plain.prefix === 32) destinationKey = plain.network;
              this.addGenericTest(netTest(source, plain, negated, family));
              this.ownTests = true;
              break;
            }
            const parsed = parseGenericAddresses(value, family);
            if (parsed.kind !== "value") return null;
            const nets = parsed.value.map(netOf);
            if (!source && !negated && nets.length === 1 && nets[0].prefix === bitsOf(family)) destinationKey = nets[0].network;
            this.addGenericTest(addressTest(source, nets, negated, family));
            this.ownTests = true;
            break;
          }
          case "in-interface":
          case "out-interface":
            this.addGenericTest(cache2.interface(match === "in-interface", view.value(i) ?? "", view.negated(i)));
            break;
          case "protocol": {
            const value = view.value(i);
            protocol = value?.toLowerCase() ?? null;
            const n = protocolNumberOf(value ?? "");
            if (n === null) return null;
            const negated = view.negated(i);
            if (!negated && n !== 0) protocolNumber2 = n;
            this.addGenericTest(cache2.protocol(n, negated));
            break;
          }
          case "fragment":
            this.addGenericTest(cache2.constant(view.negated(i)));
            break;
        }
      } else if (role === "match") {
        if (!this.closeModule()) return null;
        this.current = view.value(i) ?? "";
        this.currentFirst = i;
        this.optionCount = 0;
      } else if (role === "jump" || role === "goto") {
        if (!this.closeModule()) return null;
        targetElement = i;
        targetKind = role;
        targetOptions = null;
      } else if (role === "module") {
        if (targetElement !== -1 && this.current === null) (targetOptions ??= []).push(element(view, i, true));
        else if (this.current !== null) this.addOption(i);
        else {
          this.current = protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : protocol ?? "?";
          this.currentFirst = -1;
          this.optionCount = 0;
          this.addOption(i);
        }
      }
    }
    if (!this.closeModule()) return null;
    if (this.moduleDestinationPort !== null && protocolNumber2 !== null) destinationPortKey = this.moduleDestinationPort;
    const { genericTests, genericCount, moduleTests: moduleTests2, moduleCount } = this;
    for (let k = 0; k < moduleCount; k++) genericTests[genericCount + k] = moduleTests2[k];
    const count = genericCount + moduleCount;
    const tests = count === 0 ? NO_TESTS : this.ownTests ? genericTests.slice(0, count) : cache2.testList(genericTests, count);
    return ruleOf(line, view, tests, targetElement, targetKind, targetOptions, destinationKey, destinationPortKey, family, names2, cache2);
  }
  /** read() for a line of a known shape: the shape's steps, each with the line's own value. */
  readShaped(line, view, shape2, family, names2, cache2) {
    const tests = this.genericTests;
    let count = 0;
    let ownTests = false;
    let destinationKey = null;
    let moduleDestinationPort = null;
    for (const step of shape2.steps ?? NO_STEPS) {
      switch (step.kind) {
        case 0 /* Shared */:
          tests[count++] = step.test;
          break;
        case 1 /* Address */: {
          const value = view.value(step.element) ?? "";
          const { source, negated } = step;
          const plain = family === 4 ? plainNet4(value) : null;
          if (plain !== null) {
            if (!source && !negated && plain.prefix === 32) destinationKey = plain.network;
            tests[count++] = netTest(source, plain, negated, family);
          } else {
            const parsed = parseGenericAddresses(value, family);
            if (parsed.kind !== "value") return null;
            const nets = parsed.value.map(netOf);
            if (!source && !negated && nets.length === 1 && nets[0].prefix === bitsOf(family)) destinationKey = nets[0].network;
            tests[count++] = addressTest(source, nets, negated, family);
          }
          ownTests = true;
          break;
        }
        case 2 /* Interface */:
          tests[count++] = cache2.interface(step.source, view.value(step.element) ?? "", step.negated);
          break;
        case 3 /* Port */: {
          const r = portRangeOf(view.value(step.element) ?? "");
          if (r === null) return null;
          if (!step.source && !step.negated && r.min === r.max) moduleDestinationPort = r.min;
          tests[count++] = cache2.port(step.source, r, step.negated);
          break;
        }
        case 4 /* Pick */: {
          const text = view.value(step.element) ?? void 0;
          if (!Number.isFinite(Number(text))) return null;
          const p = Math.min(1, Math.max(0, Math.round(Number(text) * 2147483648) / 2147483648));
          if (p === 0 || p === 1) tests[count++] = cache2.constant(p === 1 !== step.negated);
          else {
            const written = step.quoted.map((e) => view.written(e)).join(" ");
            tests[count++] = pickTest({ key: `${line.source.filePath ?? "<input>"}:${line.index + 1} \`${written}\` picks the packet`, probability: p, negated: step.negated });
            ownTests = true;
          }
          break;
        }
      }
    }
    const destinationPortKey = moduleDestinationPort !== null && shape2.protocolNumber !== null ? moduleDestinationPort : null;
    const list2 = count === 0 ? NO_TESTS : ownTests ? tests.slice(0, count) : cache2.testList(tests, count);
    if (shape2.nat !== null && !names2.isChain(shape2.nat)) {
      const action = natAction(shape2.nat, shape2.natElement === -1 ? "" : view.value(shape2.natElement) ?? "", family);
      return { line: line.index, target: shape2.nat, tests: list2, action, destinationKey, destinationPortKey };
    }
    const targetOptions = shape2.targetOptions === null ? null : shape2.targetOptions.map((i) => element(view, i, true));
    return ruleOf(line, view, list2, shape2.targetElement, shape2.targetKind, targetOptions, destinationKey, destinationPortKey, family, names2, cache2);
  }
  addGenericTest(t) {
    this.genericTests[this.genericCount++] = t;
  }
  addModuleTest(t) {
    this.moduleTests[this.moduleCount++] = t;
  }
  addOption(i) {
    this.currentOptions[this.optionCount++] = i;
  }
  /** Ends the module being read: its tests, or false when compileRule must read the line. */
  closeModule() {
    const name = this.current;
    if (name === null) return true;
    this.current = null;
    if (name === "comment") return true;
    const { view, currentOptions, optionCount, cache: cache2 } = this;
    const ported = PORTED2[name];
    if (ported !== void 0 && Object.hasOwn(PORTED2, name)) {
      this.addModuleTest(cache2.match(ported));
      for (let k = 0; k < optionCount; k++) {
        const o = currentOptions[k];
        const option2 = view.name(o);
        const source = option2 === "--sport" || option2 === "--source-port";
        if (!source && option2 !== "--dport" && option2 !== "--destination-port") return false;
        const r = portRangeOf(view.value(o) ?? "");
        if (r === null) return false;
        const negated = view.negated(o);
        if (!source && !negated && r.min === r.max) this.moduleDestinationPort = r.min;
        this.addModuleTest(cache2.port(source, r, negated));
      }
      return true;
    }
    if (name === "statistic") {
      let mode = -1;
      let probability = -1;
      for (let k = 0; k < optionCount; k++) {
        const o = currentOptions[k];
        const option2 = view.name(o);
        if (option2 === "--mode") mode = mode === -1 ? o : mode;
        else if (option2 === "--probability") probability = probability === -1 ? o : probability;
      }
      if (mode === -1 || view.value(mode) !== "random" || probability === -1) return false;
      const text = view.value(probability) ?? void 0;
      if (!Number.isFinite(Number(text))) return false;
      const negated = view.negated(probability);
      const p = Math.min(1, Math.max(0, Math.round(Number(text) * 2147483648) / 2147483648));
      if (p === 0 || p === 1) this.addModuleTest(cache2.constant(p === 1 !== negated));
      else {
        const words2 = this.currentFirst === -1 ? [] : [view.written(this.currentFirst)];
        for (let k = 0; k < optionCount; k++) words2.push(view.written(currentOptions[k]));
        const written = words2.join(" ");
        const line = this.line;
        this.addModuleTest(pickTest({ key: `${line.source.filePath ?? "<input>"}:${line.index + 1} \`${written}\` picks the packet`, probability: p, negated }));
        this.ownTests = true;
      }
      return true;
    }
    return false;
  }
};
var ShapeStep = class {
  constructor(kind, element2, source, negated, test = null, quoted = NO_ELEMENT_INDEXES) {
    this.kind = kind;
    this.element = element2;
    this.source = source;
    this.negated = negated;
    this.test = test;
    this.quoted = quoted;
  }
};
var NO_ELEMENT_INDEXES = [];
var RuleShape = class {
  constructor(keyTokens, keyWords, steps, protocolNumber2, targetElement, targetKind, targetOptions, nat, natElement) {
    this.keyTokens = keyTokens;
    this.keyWords = keyWords;
    this.steps = steps;
    this.protocolNumber = protocolNumber2;
    this.targetElement = targetElement;
    this.targetKind = targetKind;
    this.targetOptions = targetOptions;
    this.nat = nat;
    this.natElement = natElement;
  }
  /** Whether the line's key words are this shape's, compared in place. */
  fits(text, starts, ends, first2) {
    const { keyTokens, keyWords } = this;
    for (let k = 0; k < keyTokens.length; k++) {
      const t = first2 + keyTokens[k];
      const word = keyWords[k];
      if (ends[t] - starts[t] !== word.length || !text.startsWith(word, starts[t])) return false;
    }
    return true;
  }
};
var MAX_SHAPES_PER_PLAN = 64;
function shapeOfLine(line, view, shapes, cache2) {
  const { text, lexed } = line.source;
  const { starts, ends } = lexed.tokens;
  const first2 = lexed.firstTokens[line.index];
  let known = shapes.get(line.plan);
  if (known !== void 0) {
    for (const shape3 of known) if (shape3.fits(text, starts, ends, first2)) return shape3;
    if (known.length >= MAX_SHAPES_PER_PLAN) return null;
  }
  const shape2 = readShape(line, view, cache2);
  if (shape2 === null) return null;
  if (known === void 0) shapes.set(line.plan, known = []);
  known.push(shape2);
  return shape2;
}
function readShape(line, view, cache2) {
  const { text, lexed } = line.source;
  const { starts, ends } = lexed.tokens;
  const first2 = lexed.firstTokens[line.index];
  const elements = line.plan.elements;
  const keyTokens = [];
  const keyWords = [];
  let plain = true;
  const key = (token, option2) => {
    const word = text.slice(starts[first2 + token], ends[first2 + token]);
    if (word.includes('"') || option2 && word.includes("=")) plain = false;
    keyTokens.push(token);
    keyWords.push(word);
  };
  const keyValue = (i) => {
    const from = Math.max(elements[i * 4 + 1], elements[i * 4 + 2]) + 1;
    if (from < elements[i * 4 + 3]) key(from, false);
    return view.value(i);
  };
  for (let i = 0; i < view.count; i++) key(elements[i * 4 + 1], true);
  const generic = [];
  const modules2 = [];
  let protocolNumber2 = null;
  let protocol = null;
  let current = null;
  let currentFirst = -1;
  let currentOptions = [];
  let targetElement = -1;
  let targetKind = "jump";
  let targetOptions = null;
  const closeModule = () => {
    const name = current;
    if (name === null) return true;
    current = null;
    if (name === "comment") return true;
    const ported = PORTED2[name];
    if (ported !== void 0 && Object.hasOwn(PORTED2, name)) {
      modules2.push(new ShapeStep(0 /* Shared */, -1, false, false, cache2.match(ported)));
      for (const o of currentOptions) {
        const option2 = view.name(o);
        const source = option2 === "--sport" || option2 === "--source-port";
        if (!source && option2 !== "--dport" && option2 !== "--destination-port") return false;
        modules2.push(new ShapeStep(3 /* Port */, o, source, view.negated(o)));
      }
      return true;
    }
    if (name === "statistic") {
      let mode = -1;
      let probability = -1;
      for (const o of currentOptions) {
        const option2 = view.name(o);
        if (option2 === "--mode") mode = mode === -1 ? o : mode;
        else if (option2 === "--probability") probability = probability === -1 ? o : probability;
      }
      if (mode === -1 || keyValue(mode) !== "random" || probability === -1) return false;
      const quoted = currentFirst === -1 ? currentOptions : [currentFirst, ...currentOptions];
      modules2.push(new ShapeStep(4 /* Pick */, probability, false, view.negated(probability), null, quoted));
      return true;
    }
    return false;
  };
  let readable = true;
  for (let i = 0; i < view.count && readable; i++) {
    const role = view.role(i);
    if (role === "generic") {
      const match = genericMatchOf(view.name(i));
      switch (match) {
        case "source":
        case "destination":
          generic.push(new ShapeStep(1 /* Address */, i, match === "source", view.negated(i)));
          break;
        case "in-interface":
        case "out-interface":
          generic.push(new ShapeStep(2 /* Interface */, i, match === "in-interface", view.negated(i)));
          break;
        case "protocol": {
          const value = keyValue(i);
          protocol = value?.toLowerCase() ?? null;
          const n = protocolNumberOf(value ?? "");
          if (n === null) {
            readable = false;
            break;
          }
          const negated = view.negated(i);
          if (!negated && n !== 0) protocolNumber2 = n;
          generic.push(new ShapeStep(0 /* Shared */, i, false, negated, cache2.protocol(n, negated)));
          break;
        }
        case "fragment":
          generic.push(new ShapeStep(0 /* Shared */, i, false, false, cache2.constant(view.negated(i))));
          break;
      }
    } else if (role === "match") {
      if (!closeModule()) readable = false;
      current = keyValue(i) ?? "";
      currentFirst = i;
      currentOptions = [];
    } else if (role === "jump" || role === "goto") {
      if (!closeModule()) readable = false;
      targetElement = i;
      targetKind = role;
      targetOptions = null;
    } else if (role === "module") {
      if (targetElement !== -1 && current === null) (targetOptions ??= []).push(i);
      else if (current !== null) currentOptions.push(i);
      else {
        current = protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : protocol ?? "?";
        currentFirst = -1;
        currentOptions = [i];
      }
    }
  }
  if (readable && !closeModule()) readable = false;
  const targetName2 = readable && targetOptions !== null ? keyValue(targetElement) : null;
  if (!plain) return null;
  const steps = readable ? [...generic, ...modules2] : null;
  const nat = targetName2 === "DNAT" || targetName2 === "SNAT" ? targetName2 : null;
  const natElement = nat === null ? -1 : targetOptions?.find((o) => view.name(o) === natOptionOf(nat)) ?? -1;
  return new RuleShape(Int32Array.from(keyTokens), keyWords, steps, protocolNumber2, targetElement, targetKind, targetOptions, nat, natElement);
}
function ruleOf(line, view, tests, targetElement, targetKind, targetOptions, destinationKey, destinationPortKey, family, names2, cache2) {
  if (targetElement === -1) return { line: line.index, target: null, tests, action: NO_ACTION, destinationKey, destinationPortKey };
  if (targetOptions === null) {
    const { name: name2, action: action2 } = cache2.target(targetKind, view, targetElement, names2.targetId(line.index), family, names2);
    return { line: line.index, target: name2, tests, action: action2, destinationKey, destinationPortKey };
  }
  const name = view.value(targetElement) ?? "";
  const action = actionOf({ kind: targetKind, name, options: targetOptions }, family, names2.isChain(name));
  return { line: line.index, target: name, tests, action, destinationKey, destinationPortKey };
}
var NO_STEPS = [];
function unread(where, written) {
  return () => maybe(`${where} \`${written}\` matches (its value is not one the walk reads)`);
}
function netTest(source, net, negated, family) {
  const { network, mask } = net;
  const exact = net.exact === true;
  return (p) => {
    const address = source ? p.source : p.destination;
    if (address === null) return maybe("the address MASQUERADE gives is in 1 network(s) of the rule");
    if (p.family !== family) return false;
    return (exact ? address === network : (address & mask) === network) !== negated;
  };
}
function addressTest(source, nets, negated, family) {
  return (p) => {
    const address = source ? p.source : p.destination;
    if (address === null) return maybe(`the address MASQUERADE gives is in ${nets.length} network(s) of the rule`);
    if (p.family !== family) return false;
    let hit = false;
    for (const net of nets) if (inNet(address, net)) hit = true;
    return hit !== negated;
  };
}
function interfaceMatches(pattern, name) {
  return pattern.endsWith("+") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
function interfaceTest(incoming, pattern, negated) {
  return (p) => {
    const name = incoming ? p.inInterface : p.outInterface;
    if (name === null) return answer(maybe(`the packet leaves by an interface named ${JSON.stringify(pattern)}`), negated);
    return interfaceMatches(pattern, name) !== negated;
  };
}
var PORTED2 = { tcp: 6, udp: 17, sctp: 132, udplite: 136, dccp: 33 };
var inRange = (value, range2) => value !== null && value >= range2.min && value <= range2.max;
function moduleTests(m, where, family, protocolNumber2) {
  const tests = [];
  let destinationPort = null;
  const whole = () => `${where} \`${m.written.join(" ")}\``;
  const undecided = () => {
    let c;
    return () => c ??= maybe(`${whole()} matches`);
  };
  const ported = PORTED2[m.name];
  switch (m.name) {
    case "comment":
    case "tcp":
    case "udp":
    case "udplite":
    case "sctp":
    case "dccp":
      if (m.name === "comment") break;
      tests.push((p) => p.protocolNumber === ported);
      for (const o of m.options) {
        const value = o.values[0] ?? "";
        if (["--sport", "--source-port", "--dport", "--destination-port"].includes(o.name)) {
          const range2 = parseTcpPorts(value);
          if (range2.kind !== "value") {
            tests.push(unread(where, o.written));
            continue;
          }
          const r = range2.value;
          const source = o.name === "--sport" || o.name === "--source-port";
          if (!source && !o.negated && r.min === r.max) destinationPort = r.min;
          tests.push((p) => inRange(source ? p.sourcePort : p.destinationPort, r) !== o.negated);
        } else if (m.name === "tcp" && (o.name === "--tcp-flags" || o.name === "--syn")) {
          const flags = o.name === "--syn" ? { mask: 23, comp: 2 } : parseTcpFlags(o.values[0] ?? "", o.values[1] ?? "").kind === "value" ? parseTcpFlags(o.values[0], o.values[1]).value : null;
          if (flags === null) {
            tests.push(unread(where, o.written));
            continue;
          }
          tests.push((p) => {
            const { known, value: value2 } = p.tcpFlags;
            if ((flags.mask & ~known) !== 0) {
              if (((value2 ^ flags.comp) & flags.mask & known) !== 0) return o.negated;
              return answer(maybe(`the TCP flags of the packet are ${o.values.join(" ")} under ${o.name}`), o.negated);
            }
            return (value2 & flags.mask) === flags.comp !== o.negated;
          });
        } else tests.push(unread(where, o.written));
      }
      break;
    case "icmp":
    case "icmp6":
      tests.push((p) => p.protocolNumber === (m.name === "icmp" ? 1 : 58));
      for (const o of m.options) {
        const parsed = parseIcmpType(o.values[0] ?? "", m.name === "icmp" ? 4 : 6);
        if (parsed.kind !== "value") {
          tests.push(unread(where, o.written));
          continue;
        }
        const t = parsed.value;
        tests.push((p) => (t.type === 255 || p.icmpType === t.type && p.icmpCode !== null && p.icmpCode >= t.codeMin && p.icmpCode <= t.codeMax) !== o.negated);
      }
      break;
    case "multiport":
      for (const o of m.options) {
        const proto = protocolNumber2 === null ? "tcp" : Object.entries(PORTED2).find(([, n]) => n === protocolNumber2)?.[0] ?? "tcp";
        const parsed = parseMultiport(o.values[0] ?? "", proto);
        if (parsed.kind !== "value") {
          tests.push(unread(where, o.written));
          continue;
        }
        const ranges2 = parsed.value.ports;
        const which = o.name === "--sports" || o.name === "--source-ports" ? "source" : o.name === "--ports" ? "either" : "destination";
        tests.push((p) => {
          const hit = (port) => ranges2.some((r) => inRange(port, r));
          const matched = which === "source" ? hit(p.sourcePort) : which === "destination" ? hit(p.destinationPort) : hit(p.sourcePort) || hit(p.destinationPort);
          return matched !== o.negated;
        });
      }
      break;
    case "iprange":
      for (const o of m.options) {
        const [fromText, toText] = (o.values[0] ?? "").split("-");
        const from = parseAddress(fromText ?? "");
        const to = parseAddress(toText ?? fromText ?? "");
        if (from === null || to === null || from.family !== family || to.family !== family) {
          tests.push(unread(where, o.written));
          continue;
        }
        const source = o.name === "--src-range";
        tests.push((p) => {
          const a = source ? p.source : p.destination;
          if (a === null) return answer(maybe(`the address MASQUERADE gives is in ${o.values[0]}`), o.negated);
          return (a >= from.address && a <= to.address) !== o.negated;
        });
      }
      break;
    case "mark":
    case "connmark":
      for (const o of m.options) {
        const t = o.name === "--mark" ? markTest(o.values[0] ?? "", o.negated) : null;
        if (t === null) {
          tests.push(unread(where, o.written));
          continue;
        }
        const conn = m.name === "connmark";
        tests.push((p, at) => {
          if (conn && !hasConnection(p, at)) return false;
          const r = (conn ? p.ct.mark : p.mark).test(t);
          if (r !== "maybe") return r;
          return answer(maybe(`the ${conn ? "connection's mark" : "packet's mark"} has ${o.values[0]}`), t.negated);
        });
      }
      break;
    case "state":
    case "conntrack":
      tests.push(...conntrackTests(m, where, family));
      break;
    case "addrtype":
      tests.push(...addrtypeTests(m, where));
      break;
    case "owner":
      tests.push((p) => {
        if (!p.local) return m.options.every((o) => o.negated);
        const all = m.options.map((o) => o.name === "--socket-exists" ? !o.negated : answer(maybe(`the sending socket's ${o.name.slice(2)} is ${o.values[0] ?? ""}`), o.negated));
        return allOf(all);
      });
      break;
    case "set":
      tests.push(...setTests(m, where, family));
      break;
    case "statistic": {
      const mode = m.options.find((o) => o.name === "--mode")?.values[0];
      const probability = m.options.find((o) => o.name === "--probability");
      const every2 = m.options.find((o) => o.name === "--every");
      const packet = m.options.find((o) => o.name === "--packet");
      if (mode === "random" && probability !== void 0 && Number.isFinite(Number(probability.values[0]))) {
        const p = Math.min(1, Math.max(0, Math.round(Number(probability.values[0]) * 2147483648) / 2147483648));
        if (p === 0 || p === 1) tests.push(() => p === 1 !== probability.negated);
        else {
          const c = { key: `${whole()} picks the packet`, probability: p, negated: probability.negated };
          tests.push(() => c);
        }
      } else if (mode === "nth" && every2 !== void 0) {
        const n = Number(every2.values[0]);
        const c = { key: `${whole()} picks the packet (packet ${packet?.values[0] ?? "0"} of every ${n})`, probability: n > 0 ? 1 / n : null, negated: every2.negated };
        tests.push(() => c);
      } else tests.push(undecided());
      break;
    }
    default:
      tests.push(undecided());
  }
  return { tests, destinationPort };
}
function allOf(answers) {
  let pending = true;
  for (const a of answers) {
    if (a === false) return false;
    if (a !== true && pending === true) pending = a;
    else if (a !== true && pending !== true) {
      return { key: `${pending.negated ? "not: " : ""}${pending.key} and ${a.negated ? "not: " : ""}${a.key}`, probability: null, negated: false };
    }
  }
  return pending;
}
var STATE_NAMES = /* @__PURE__ */ new Set(["INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED", "SNAT", "DNAT"]);
function conntrackTests(m, where, family) {
  const tests = [];
  let hasState = false;
  const others = [];
  for (const o of m.options) {
    const value = o.values[0] ?? "";
    if (o.name === "--state" || o.name === "--ctstate") {
      const parsed = o.name === "--state" ? parseCtState(value) : parseCtState(value);
      if (parsed.kind !== "value") {
        tests.push(unread(where, o.written));
        continue;
      }
      hasState = true;
      const wanted = new Set([...parsed.value].filter((s) => STATE_NAMES.has(s)));
      tests.push((p, at) => answer(stateAnswer(p, at, wanted), o.negated));
    } else if (o.name === "--ctstatus") {
      const parsed = parseCtStatus(value);
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const wanted = parsed.value;
      others.push((p) => answer(statusAnswer(p, wanted, value), o.negated));
    } else if (o.name === "--ctproto") {
      const parsed = parseGenericProtocol(value);
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const n = parsed.value;
      others.push((p) => (n === 0 || p.protocolNumber === n) !== o.negated);
    } else if (["--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst"].includes(o.name)) {
      const parsed = parseHostMask(value, family, { extension: "conntrack", option: o.name.slice(2) });
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const net = netOf(parsed.value);
      const which = o.name.slice(4);
      others.push((p) => {
        const a = connAddress(p, which);
        if (a === null) return answer(maybe(`the connection's ${which === "origsrc" ? "original source" : which === "origdst" ? "original destination" : which === "replsrc" ? "reply source" : "reply destination"} is in ${value}`), o.negated);
        return inNet(a, net) !== o.negated;
      });
    } else if (["--ctorigsrcport", "--ctorigdstport", "--ctreplsrcport", "--ctrepldstport"].includes(o.name)) {
      const parsed = parsePortRange(value, { extension: "conntrack", option: o.name.slice(2) });
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const range2 = parsed.value;
      const which = o.name.slice(4, -4);
      others.push((p) => {
        const port = connPort(p, which);
        if (port === void 0) return answer(maybe(`the connection's ${which} port is ${value}`), o.negated);
        return inRange(port, range2) !== o.negated;
      });
    } else if (o.name === "--ctdir") {
      const original = value.toUpperCase() === "ORIGINAL";
      others.push((p) => p.ct.originalDirection === null ? maybe(`the packet goes the connection's ${original ? "original" : "reply"} way`) : p.ct.originalDirection === original);
    } else others.push(unread(where, o.written));
  }
  if (others.length === 0) return tests;
  tests.push((p, at) => !hasConnection(p, at) ? hasState : allOf(others.map((t) => t(p, at))));
  return tests;
}
var hasConnection = (p, at) => !at.beforeConntrack && p.ct.state !== "UNTRACKED" && p.ct.state !== "INVALID";
function stateAnswer(p, at, wanted) {
  const state = at.beforeConntrack ? p.ct.state === "UNTRACKED" ? "UNTRACKED" : "INVALID" : p.ct.state;
  if (wanted.has(state)) return true;
  if (at.beforeConntrack || state === "UNTRACKED" || state === "INVALID") return false;
  let result = false;
  for (const [flag, known] of [["DNAT", p.ct.dnat], ["SNAT", p.ct.snat]]) {
    if (!wanted.has(flag)) continue;
    if (known === true) return true;
    if (known === null) result = maybe(`the connection's ${flag === "DNAT" ? "destination" : "source"} was rewritten (ctstate ${flag})`);
  }
  return result;
}
function statusAnswer(p, wanted, text) {
  const s = p.ct.state;
  const bits = {
    EXPECTED: s === "RELATED" ? true : s === "NEW" ? false : null,
    SEEN_REPLY: s === "NEW" || s === "RELATED" ? false : s === "ESTABLISHED" ? true : null,
    ASSURED: s === "NEW" || s === "RELATED" ? false : null,
    CONFIRMED: s === "NEW" ? false : s === "ESTABLISHED" ? true : null
  };
  let unknown = false;
  if (wanted.has("NONE") && Object.values(bits).every((b) => b === false)) return true;
  for (const w of wanted) {
    if (w === "NONE") continue;
    if (bits[w] === true) return true;
    if (bits[w] === null) unknown = true;
  }
  return unknown || wanted.has("NONE") ? maybe(`the connection's status has ${text}`) : false;
}
function connAddress(p, which) {
  const o = p.ct.original;
  if (o === null) return null;
  if (which === "origsrc") return o.source;
  if (which === "origdst") return o.destination;
  return which === "replsrc" ? p.destination : p.source;
}
function connPort(p, which) {
  const o = p.ct.original;
  if (o === null) return void 0;
  if (which === "origsrc") return o.sourcePort;
  if (which === "origdst") return o.destinationPort;
  return which === "replsrc" ? p.destinationPort : p.sourcePort;
}
var ADDR_TYPES = /* @__PURE__ */ new Set(["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"]);
function addrtypeTests(m, where) {
  const limitIn = m.options.some((o) => o.name === "--limit-iface-in");
  const limitOut = m.options.some((o) => o.name === "--limit-iface-out");
  const tests = [];
  for (const o of m.options) {
    if (o.name !== "--src-type" && o.name !== "--dst-type") continue;
    const types = (o.values[0] ?? "").split(",").map((t) => t.toUpperCase());
    if (types.some((t) => !ADDR_TYPES.has(t))) {
      tests.push(unread(where, o.written));
      continue;
    }
    const source = o.name === "--src-type";
    tests.push((p, at) => {
      const address = source ? p.source : p.destination;
      if (address === null) return answer(maybe(`the address MASQUERADE gives is of type ${types.join(",")}`), o.negated);
      const iface = limitIn ? p.inInterface : limitOut ? p.outInterface : void 0;
      return answer(addressTypeIs(p.family, address, types, at.node, iface), o.negated);
    });
  }
  return tests;
}
function addressTypeIs(family, address, types, node, iface) {
  if (family === 6) return addressType6(address, types, node, iface);
  let kind;
  if (family === 4 && (address >> 24n === 0n || address === 0xffffffffn)) kind = "BROADCAST";
  else if (family === 4 ? address >> 28n === 0xen : address >> 120n === 0xffn) kind = "MULTICAST";
  else {
    const local = iface === void 0 ? node.isLocal(family, address) : iface === null ? null : node.isLocalOn(family, address, iface);
    const broadcast = node.isBroadcast(family, address);
    if (local === true) kind = "LOCAL";
    else if (broadcast === true) kind = "BROADCAST";
    else if (local === null) {
      const wantsLocal = types.includes("LOCAL");
      const wantsOther = types.includes("UNICAST");
      if (wantsLocal === wantsOther) return wantsLocal;
      const c = maybe(`${formatKey(family, address)} is an address of the node`);
      return wantsLocal ? c : not(c);
    } else kind = "UNICAST";
  }
  return types.includes(kind);
}
function addressType6(address, types, node, iface) {
  const multicast = address >> 120n === 0xffn;
  if (types.includes("MULTICAST") && !multicast) return false;
  if (types.includes("UNICAST") && (multicast || address === 0n)) return false;
  if (types.includes("UNSPEC") && address !== 0n) return false;
  const routed = types.filter((t) => t === "LOCAL" || t === "ANYCAST" || t === "UNREACHABLE");
  if (routed.length === 0) return true;
  const local = iface === void 0 ? node.isLocal(6, address) : iface === null ? null : node.isLocalOn(6, address, iface);
  if (local === true) return routed.includes("LOCAL");
  const route = node.route(6, address);
  const unreachable = route === null || route !== void 0 && (route.type === "unreachable" || route.type === "prohibit" || route.type === "blackhole");
  if (local === false && route !== void 0) return unreachable ? routed.includes("UNREACHABLE") : false;
  if (routed.includes("LOCAL") && !routed.includes("UNREACHABLE")) return local === null ? maybe(`${formatKey(6, address)} is an address of the node`) : false;
  return maybe(`the route to ${formatKey(6, address)} is of type ${routed.join(",")}`);
}
function formatKey(family, address) {
  return family === 4 ? `${Number(address >> 24n) & 255}.${Number(address >> 16n) & 255}.${Number(address >> 8n) & 255}.${Number(address) & 255}` : `[${address.toString(16)}]`;
}
function setTests(m, where, family) {
  const tests = [];
  for (const o of m.options) {
    if (o.name !== "--match-set" && o.name !== "--set") continue;
    const [name, flagText] = o.values;
    if (name === void 0 || flagText === void 0) {
      tests.push(unread(where, o.written));
      continue;
    }
    const flags = flagText.split(",");
    tests.push((p, at) => answer(inSet(p, at.node, name, flags, family, 0), o.negated));
  }
  return tests;
}
function inSet(p, node, name, flags, family, depth) {
  const unknown = () => maybe(`the packet's ${flags.join(",")} is in the ipset ${name}`);
  const set = node.sets?.get(name);
  if (set === void 0 || depth > 8) return unknown();
  if (set.type.startsWith("list:")) {
    let result2 = false;
    for (const member of set.sets) {
      const a = inSet(p, node, member, flags, family, depth + 1);
      if (a === true) return true;
      if (a !== false) result2 = unknown();
    }
    return result2;
  }
  if (set.family !== null && set.family !== family) return false;
  let result = false;
  const matches = [];
  for (const member of set.members) {
    let all = true;
    member.parts.forEach((part, k) => {
      const source = (flags[k] ?? flags[flags.length - 1]) === "src";
      if (all === false) return;
      if (part.kind === "net") {
        const a = source ? p.source : p.destination;
        if (a === null) all = null;
        else if (!inNet(a, part.net) || bitsOf(family) !== (p.family === 4 ? 32 : 128)) all = false;
      } else if (part.kind === "port") {
        const port = source ? p.sourcePort : p.destinationPort;
        if (p.protocolNumber !== part.protocol || port !== part.port) all = false;
      } else if (part.kind === "iface") {
        const iface = source ? p.inInterface : p.outInterface;
        if (iface === null) all = null;
        else if (iface !== part.name) all = false;
      } else all = null;
    });
    if (all === true) {
      if (member.nomatch) return false;
      matches.push(true);
    } else if (all === null) result = unknown();
  }
  return matches.length > 0 ? true : result;
}
function actionOf(target, family, isChain, chainId = -1) {
  const option2 = (name2) => target.options.find((o) => o.name === name2);
  const name = target.name;
  if (isChain) return { kind: "jump", chain: name, goto: target.kind === "goto", chainId };
  switch (name) {
    case "ACCEPT":
      return { kind: "verdict", verdict: "accept" };
    case "DROP":
      return { kind: "verdict", verdict: "drop" };
    case "REJECT":
      return { kind: "verdict", verdict: "reject" };
    case "QUEUE":
    case "NFQUEUE":
      return { kind: "verdict", verdict: "queue" };
    case "RETURN":
      return { kind: "return" };
    case "MARK": {
      for (const o of target.options) {
        const effect = o.values[0] === void 0 ? null : markOptionEffect(o.name, o.values[0]);
        if (effect !== null) return { kind: "mark", effect };
      }
      return { kind: "mark", effect: null };
    }
    case "CONNMARK":
      return { kind: "connmark", apply: connmarkEffect(target.options) };
    case "DNAT":
    case "SNAT":
      return natAction(name, option2(natOptionOf(name))?.values[0] ?? "", family);
    case "MASQUERADE":
    case "REDIRECT": {
      const ports = option2("--to-ports")?.values[0];
      return { kind: "nat", nat: name, addresses: null, ports: ports === void 0 ? null : portRange(ports), netmap: null };
    }
    case "NETMAP": {
      const to = option2("--to")?.values[0] ?? "";
      const parsed = parseHostMask(to, family, { extension: "NETMAP", option: "to" });
      return { kind: "nat", nat: "NETMAP", addresses: null, ports: null, netmap: parsed.kind === "value" ? netOf(parsed.value) : null };
    }
    case "NOTRACK":
      return { kind: "notrack" };
    case "CT":
      return option2("--notrack") !== void 0 ? { kind: "notrack" } : { kind: "continue" };
    case "TPROXY": {
      const port = Number(option2("--on-port")?.values[0] ?? "0");
      const markText2 = option2("--tproxy-mark")?.values[0];
      const vm = markText2 === void 0 ? null : parseValueMask(markText2);
      return { kind: "tproxy", port, effect: vm === null ? null : { value: vm.value, mask: vm.mask } };
    }
    default:
      return { kind: "continue" };
  }
}
var natOptionOf = (name) => name === "DNAT" ? "--to-destination" : "--to-source";
function natAction(name, to, family) {
  const parsed = natRange(to, family);
  return { kind: "nat", nat: name, addresses: parsed.addresses, ports: parsed.ports, netmap: null };
}
function connmarkEffect(options) {
  const get2 = (name) => options.find((o) => o.name === name);
  const number = (name, fallback) => {
    const v = get2(name)?.values[0];
    const vm = v === void 0 ? null : parseValueMask(v);
    return vm === null ? fallback : vm.value;
  };
  for (const o of options) {
    const effect = o.values[0] === void 0 ? null : markOptionEffect(o.name, o.values[0]);
    if (effect !== null) return (p) => void (p.ct.mark = p.ct.mark.apply(effect));
  }
  const mask = number("--mask", 4294967295);
  const nfmask = number("--nfmask", mask);
  const ctmask = number("--ctmask", mask);
  if (get2("--save-mark") !== void 0) {
    return (p) => void (p.ct.mark = copyBits(p.ct.mark, p.mark, nfmask, ctmask));
  }
  if (get2("--restore-mark") !== void 0) {
    return (p) => void (p.mark = copyBits(p.mark, p.ct.mark, ctmask, nfmask));
  }
  return () => void 0;
}
function copyBits(into, from, take, clear) {
  const fromExact = from.exact;
  if (fromExact !== null) return into.apply({ value: (fromExact & take) >>> 0, mask: clear >>> 0 });
  const cleared = into.apply({ value: 0, mask: clear >>> 0 });
  return cleared.forget(take);
}
function portRange(text) {
  const [a, b] = text.split("-");
  const from = Number(a);
  const to = b === void 0 ? from : Number(b);
  return Number.isInteger(from) && Number.isInteger(to) ? { from, to } : null;
}
function natRange(text, family) {
  let addressPart = text;
  let portPart = null;
  if (family === 6 && text.startsWith("[")) {
    const close = text.indexOf("]");
    addressPart = text.slice(1, close);
    if (text[close + 1] === ":") portPart = text.slice(close + 2);
  } else if (family === 4 || !text.includes("::") || text.indexOf(":") === text.lastIndexOf(":")) {
    const colon = family === 4 ? text.indexOf(":") : -1;
    if (colon !== -1) [addressPart, portPart] = [text.slice(0, colon), text.slice(colon + 1)];
  }
  const [fromText, toText] = addressPart.split("-");
  const from = fromText ? parseAddress(fromText) : null;
  const to = toText ? parseAddress(toText) : from;
  return {
    addresses: from === null || to === null ? null : { from: from.address, to: to.address },
    ports: portPart === null ? null : portRange(portPart)
  };
}

// rules/packet/marks.ts
var ALL = 4294967295;
function markTargetEffect(target) {
  if (target.name !== "MARK") return null;
  for (const option2 of target.options) {
    const text = option2.value;
    if (text === null) continue;
    const effect = markOptionEffect(option2.name, text);
    if (effect !== null || isMarkOption(option2.name)) return effect;
  }
  return null;
}
var isMarkOption = (name) => name === "--set-xmark" || name === "--set-mark" || name === "--or-mark" || name === "--and-mark" || name === "--xor-mark";
function markMatchTests(match) {
  const tests = [];
  for (const option2 of match.options) {
    if (option2.name !== "--mark") continue;
    const test = option2.value === null ? null : markTest(option2.value, option2.negated);
    if (test === null) return null;
    tests.push(test);
  }
  return tests;
}
var MarkState = class _MarkState {
  constructor(known, value) {
    this.known = known;
    this.value = value;
  }
  /** A packet with these bits set and every other bit unknown. */
  static withBits(bits) {
    return new _MarkState(bits >>> 0, bits >>> 0);
  }
  /** A mark whose every bit is known. */
  static exactly(value) {
    return new _MarkState(4294967295, value >>> 0);
  }
  /** A mark of which nothing is known. */
  static unknown() {
    return new _MarkState(0, 0);
  }
  /** The mark's value when every bit is known, else null. */
  get exact() {
    return this.known === 4294967295 ? this.value : null;
  }
  /** Whether all these bits are known to be set. */
  has(bits) {
    return (this.known & bits) >>> 0 === bits >>> 0 && (this.value & bits) >>> 0 === bits >>> 0;
  }
  apply(effect) {
    const known = (this.known | effect.mask) >>> 0;
    const value = ((this.value & ~effect.mask ^ effect.value) & known) >>> 0;
    return new _MarkState(known, value);
  }
  /** Every bit unknown: after a target that sets the mark from elsewhere (CONNMARK --restore-mark). */
  forget(mask = ALL) {
    const known = (this.known & ~mask) >>> 0;
    return new _MarkState(known, (this.value & known) >>> 0);
  }
  test(t) {
    const mask = t.mask >>> 0;
    if ((t.value & ~mask) >>> 0 !== 0) return t.negated;
    if (((this.value ^ t.value) & mask & this.known) >>> 0 !== 0) return t.negated;
    if ((mask & ~this.known) >>> 0 !== 0) return "maybe";
    return !t.negated;
  }
  get key() {
    return `${this.known}/${this.value}`;
  }
};
function allOf2(answers) {
  let result = true;
  for (const answer2 of answers) {
    if (answer2 === false) return false;
    if (answer2 === "maybe") result = "maybe";
  }
  return result;
}

// rules/packet/trace.ts
var TraceError = class extends Error {
};
var TABLES_AT = {
  PREROUTING: ["raw", "mangle", "nat"],
  // The kernel's security table is at priority 50, before nat INPUT (100); iptables-nft 1.8.9
  // makes its security chains at 150, after it (measured by lab: test/conformance/kernel-hooks).
  INPUT: ["mangle", "filter", "security", "nat"],
  FORWARD: ["mangle", "filter", "security"],
  OUTPUT: ["raw", "mangle", "nat", "filter", "security"],
  POSTROUTING: ["mangle", "nat"]
};
var NFT_INPUT = ["mangle", "filter", "nat", "security"];
var NFT_KEY = "the ruleset is loaded by iptables-nft (its security INPUT chain runs after nat INPUT)";
var MAX_DEPTH = 64;
var MATCHED = -1;
var MISSED = -2;
var TableChains = class {
  constructor(model, document, filePath, family, backend) {
    this.model = model;
    this.filePath = filePath;
    this.family = family;
    this.backend = backend;
    /** The chains the walk has entered, by name (built-in chains, jumps compiled without ids) and by the id of their name. */
    this.compiled = /* @__PURE__ */ new Map();
    this.byId = /* @__PURE__ */ new Map();
    this.policies = /* @__PURE__ */ new Map();
    for (const d of model.policyDeclarations) if (d.policy !== null && d.policy !== "-") this.policies.set(d.name, { policy: d.policy, line: d.index });
    for (const c of model.policyCommands) {
      const [chain, policy] = c.positional.map((w) => w.value);
      if (chain !== void 0 && policy !== void 0) this.policies.set(chain, { policy, line: c.index });
    }
    this.rules = new TableRules(document, model, family);
  }
  chain(name) {
    let c = this.compiled.get(name);
    if (c === void 0) this.compiled.set(name, c = this.chainWithId(this.model.idOf(name), name) ?? null);
    return c ?? void 0;
  }
  /** The chain a jump enters: by the id of its name when the compile knew it (no name looked up). */
  jumpTarget(jump) {
    return jump.chainId === NONE ? this.chain(jump.chain) : this.chainWithId(jump.chainId, jump.chain);
  }
  chainWithId(id, name) {
    let c = this.byId.get(id);
    if (c === void 0) {
      const chains = this.model.chains;
      if (id === NONE || !chains.exists(id)) c = null;
      else {
        const policy = this.policies.get(name);
        const builtin = this.model.builtins.has(name);
        c = compileChain(name, this.model.table.name ?? "filter", chains.rulesOf(id), this.rules, builtin ? policy?.policy ?? "ACCEPT" : null, policy?.line ?? null);
      }
      this.byId.set(id, c);
    }
    return c ?? void 0;
  }
};
var compiledDocuments = /* @__PURE__ */ new WeakMap();
function tablesOf(document, family, configured) {
  let tables = compiledDocuments.get(document);
  if (tables === void 0) {
    tables = /* @__PURE__ */ new Map();
    const known = modelOf(document);
    const model = configured === void 0 || known.family()?.family === configured ? known : modelOf(document, { family: { family: configured, because: `--family ${configured}` } });
    for (const t of model.tables()) {
      const name = t.table.name;
      if (name === null || !(name in { raw: 1, mangle: 1, nat: 1, filter: 1, security: 1 })) continue;
      tables.set(name, new TableChains(t, document, document.filePath ?? "<input>", family, model.backend()));
    }
    compiledDocuments.set(document, tables);
  }
  return tables;
}
var push = (list2, value) => ({ value, prev: list2, length: (list2?.length ?? 0) + 1 });
function toArray(list2) {
  const out = new Array(list2?.length ?? 0);
  for (let at = list2; at !== null; at = at.prev) out[at.length - 1] = at.value;
  return out;
}
function assumedOf(b, key) {
  for (let at = b.assumed; at !== null; at = at.prev) if (at.value.key === key) return at.value.holds;
  return void 0;
}
function clone2(b) {
  return { ...b, p: { ...b.p, ct: { ...b.p.ct } } };
}
var Step = class {
  constructor(filePath, line, table, chain, target) {
    this.filePath = filePath;
    this.line = line;
    this.table = table;
    this.chain = chain;
    this.target = target;
  }
  snapshot(p) {
    const { family, protocol, source, destination, sourcePort, destinationPort, mark, inInterface, outInterface } = p;
    this.packetAfter = { family, protocol, source, destination, sourcePort, destinationPort, mark, inInterface, outInterface };
  }
  get after() {
    return this.packetAfter === void 0 ? void 0 : traced(this.packetAfter);
  }
};
var next = (branch) => ({ kind: "next", b: branch });
var exit = (branch, verdict) => ({ kind: "exit", exit: { b: branch, verdict } });
function tracePacket(documents, input, node = new NodeInfo(), options = {}) {
  const family = input.family;
  const tables = /* @__PURE__ */ new Map();
  const files = [];
  for (const document of documents) {
    const docFamily = options.family ?? modelOf(document).family()?.family ?? null;
    if (docFamily !== null && docFamily !== family) continue;
    const own = tablesOf(document, family, options.family);
    if (own.size > 0) files.push(document.filePath ?? "<input>");
    for (const [name, t] of own) {
      if (options.withoutTables?.includes(name)) continue;
      const earlier = tables.get(name);
      if (earlier !== void 0) throw new TraceError(`${earlier.filePath} and ${t.filePath} both give the ${name} table for IPv${family}: give each table once`);
      tables.set(name, t);
    }
  }
  const backends = new Set([...tables.values()].map((t) => t.backend).filter((b) => b !== null));
  const backend = options.backend ?? (backends.size === 1 ? [...backends][0] : null);
  return new Walk(tables, node, family, backend, options.maxOutcomes ?? 4096).run(input, files);
}
var Walk = class {
  constructor(tables, node, family, backend, maxOutcomes) {
    this.tables = tables;
    this.node = node;
    this.family = family;
    this.backend = backend;
    this.maxOutcomes = maxOutcomes;
    this.forks = 0;
  }
  /** Whether a table has rules at a hook. */
  hasRules(table, hook) {
    return (this.tables.get(table)?.chain(hook)?.size ?? 0) > 0;
  }
  run(input, files) {
    const state = input.state ?? "new";
    const source = parseAddress(input.source).address;
    const destination = parseAddress(input.destination).address;
    const tcp = input.protocolNumber === 6;
    const p = {
      family: input.family,
      protocol: input.protocol,
      protocolNumber: input.protocolNumber,
      source,
      destination,
      sourcePort: input.sourcePort,
      destinationPort: input.destinationPort,
      icmpType: input.icmpType,
      icmpCode: input.icmpCode,
      inInterface: input.inInterface ?? "",
      outInterface: "",
      route: void 0,
      mark: MarkState.exactly(input.mark ?? 0),
      // A first packet is a SYN; an established connection's has ACK set and SYN clear, the rest unknown.
      tcpFlags: !tcp ? { known: 63, value: 0 } : state === "new" ? { known: 63, value: 2 } : state === "established" ? { known: 18, value: 16 } : { known: 0, value: 0 },
      ct: {
        state: state.toUpperCase(),
        dnat: state === "new" ? false : null,
        snat: state === "new" ? false : null,
        // A new connection's mark is 0; an older one's is whatever rules saved in it.
        mark: state === "new" ? MarkState.exactly(0) : MarkState.unknown(),
        // An established packet is taken to go the way its connection's first packet went.
        original: state === "new" || state === "established" ? { source, destination, sourcePort: input.sourcePort, destinationPort: input.destinationPort } : null,
        originalDirection: state === "new" || state === "established" ? true : null
      },
      local: input.inInterface === null,
      tproxy: false
    };
    const b = {
      p,
      probability: 1,
      probabilityKnown: true,
      assumed: null,
      path: null,
      policies: null,
      notes: null,
      hooks: null,
      // nat runs for a connection's first packet: a new one's, or the first of a related one (an
      // expected connection); an established one gets the NAT its first packet got; an invalid one has none.
      destinationNatDone: state === "invalid",
      sourceNatDone: state === "invalid",
      connectionNat: null,
      firstPacketMarks: null,
      firstPacket: false,
      routedAs: null
    };
    const outcomes = input.inInterface === null ? this.sent(b) : this.arriving(b);
    return { family: this.family, outcomes, files };
  }
  arriving(b) {
    const outcomes = [];
    for (const exit2 of this.hook("PREROUTING", [b])) {
      if (exit2.verdict !== null) {
        outcomes.push(this.outcome(exit2.b, exit2.verdict, null));
        continue;
      }
      for (const [branch, local] of this.isLocal(exit2.b)) {
        if (local) outcomes.push(...this.finish(this.hook("INPUT", [branch]), "local"));
        else outcomes.push(...this.forward(branch));
      }
    }
    return outcomes;
  }
  forward(b) {
    const routed = this.routeOut(b);
    if (routed !== null) return [routed];
    const afterForward = this.hook("FORWARD", [b]);
    const outcomes = [];
    for (const exit2 of afterForward) {
      if (exit2.verdict !== null) outcomes.push(this.outcome(exit2.b, exit2.verdict, null));
      else outcomes.push(...this.finish(this.hook("POSTROUTING", [exit2.b]), "forward"));
    }
    return outcomes;
  }
  sent(b) {
    const outcomes = [];
    for (const [branch, local] of this.isLocal(b)) {
      if (local) branch.p.outInterface = "lo";
      else {
        const unroutable = this.routeOut(branch);
        if (unroutable !== null) {
          outcomes.push(unroutable);
          continue;
        }
      }
      for (const exit2 of this.hook("OUTPUT", [branch])) {
        if (exit2.verdict !== null) {
          outcomes.push(this.outcome(exit2.b, exit2.verdict, null));
          continue;
        }
        for (const post of this.hook("POSTROUTING", [exit2.b])) {
          if (post.verdict !== null) {
            outcomes.push(this.outcome(post.b, post.verdict, null));
            continue;
          }
          if (post.b.p.outInterface !== "lo") {
            outcomes.push(this.outcome(post.b, "accept", "out"));
            continue;
          }
          const back = post.b;
          back.p.inInterface = "lo";
          back.p.outInterface = "";
          const input = [];
          for (const pre of this.hook("PREROUTING", [back], true)) {
            if (pre.verdict !== null) outcomes.push(this.outcome(pre.b, pre.verdict, null));
            else input.push(...this.hook("INPUT", [pre.b]));
          }
          outcomes.push(...this.finish(input, "local"));
        }
      }
    }
    return outcomes;
  }
  finish(exits, delivery) {
    return exits.map((e) => this.outcome(e.b, e.verdict ?? "accept", e.verdict === null || e.verdict === "accept" ? delivery : null));
  }
  /** Whether the packet is for the node: the branches where it is, and where it is not. */
  isLocal(b) {
    const p = b.p;
    if (p.tproxy) return [[b, true]];
    const local = this.node.isLocal(p.family, p.destination);
    if (local !== null) return [[b, local || this.node.isBroadcast(p.family, p.destination) === true]];
    const key = `${formatKey(p.family, p.destination)} is an address of the node`;
    const known = assumedOf(b, key);
    if (known !== void 0) return [[b, known]];
    const other = this.fork(b);
    this.assume(b, { key, probability: null, negated: false }, true);
    this.assume(other, { key, probability: null, negated: false }, false);
    return [
      [b, true],
      [other, false]
    ];
  }
  /** Sets the outgoing interface from the routes; an outcome when the packet has no way out. */
  routeOut(b) {
    const p = b.p;
    const chosen = this.node.routeFor(p.family, { destination: p.destination, source: p.source, mark: { known: p.mark.known, value: p.mark.value }, inInterface: p.inInterface });
    const route = chosen.route;
    if (chosen.undecided !== void 0) b.notes = push(b.notes, `the route is undecided: ${chosen.undecided}`);
    else if (chosen.rule !== void 0 && route !== null && route !== void 0) b.notes = push(b.notes, `routed by ip rule ${chosen.rule.priority}${chosen.rule.table === null ? "" : ` (table ${chosen.rule.table})`}`);
    p.route = route;
    if (route === null) return { ...this.outcome(b, "drop", null), reason: `no route to ${formatAddress(p.family, p.destination)}` };
    if (route === void 0) {
      p.outInterface = null;
      return null;
    }
    if (route.type === "blackhole" || route.type === "unreachable" || route.type === "prohibit") return { ...this.outcome(b, "drop", null), reason: `the route to ${formatAddress(p.family, p.destination)} is ${route.type}` };
    p.outInterface = route.dev ?? null;
    return null;
  }
  /** Runs a hook's tables in priority order; exits with a verdict (not accept) or null (the packet goes on). */
  hook(hook, branches, loopedBack = false) {
    for (const b of branches) b.hooks = push(b.hooks, hook);
    if (hook !== "INPUT" || this.backend === "legacy" || !this.hasRules("security", "INPUT") || !this.hasRules("nat", "INPUT")) return this.tablesAt(hook, this.backend === "nft" && hook === "INPUT" ? NFT_INPUT : TABLES_AT[hook], branches, loopedBack);
    if (this.backend === "nft") return this.tablesAt(hook, NFT_INPUT, branches, loopedBack);
    const nft = [];
    const legacy = [];
    for (const b of branches) {
      const known = assumedOf(b, NFT_KEY);
      if (known !== void 0) (known ? nft : legacy).push(b);
      else {
        const other = this.fork(b);
        this.assume(b, { key: NFT_KEY, probability: null, negated: false }, true);
        this.assume(other, { key: NFT_KEY, probability: null, negated: false }, false);
        nft.push(b);
        legacy.push(other);
      }
    }
    return [...this.tablesAt(hook, NFT_INPUT, nft, loopedBack), ...this.tablesAt(hook, TABLES_AT.INPUT, legacy, loopedBack)];
  }
  tablesAt(hook, order, branches, loopedBack) {
    let going = branches;
    const stopped = [];
    for (const name of order) {
      const table = this.tables.get(name);
      const reroutes = hook === "OUTPUT" && (name === "mangle" || name === "nat");
      if (reroutes) for (const b of going) b.routedAs = { destination: b.p.destination, mark: b.p.mark.key };
      if (name === "nat") {
        const destinationSide = hook === "PREROUTING" || hook === "OUTPUT";
        const next2 = [];
        for (const b of going) {
          const done = destinationSide ? b.destinationNatDone : b.sourceNatDone;
          const state = b.p.ct.state;
          if (state !== "NEW" && state !== "RELATED" && state !== "ESTABLISHED" || done || table === void 0) {
            next2.push(b);
            continue;
          }
          if (state === "ESTABLISHED") {
            for (const later of this.connectionNat(table, hook, b, destinationSide)) next2.push(later);
            continue;
          }
          for (const exit2 of this.table(table, hook, b, false)) {
            if (destinationSide) exit2.b.destinationNatDone = true;
            else exit2.b.sourceNatDone = true;
            if (exit2.verdict === null || exit2.verdict === "accept") next2.push(exit2.b);
            else stopped.push(exit2);
          }
        }
        going = next2;
      } else if (table !== void 0) {
        const next2 = [];
        for (const b of going) {
          for (const exit2 of this.table(table, hook, b, name === "raw" && !loopedBack)) {
            if (exit2.verdict === null || exit2.verdict === "accept") next2.push(exit2.b);
            else stopped.push(exit2);
          }
        }
        going = next2;
      }
      if (name === "raw" && !loopedBack) {
        for (const b of going) if (b.p.ct.state === "UNTRACKED") b.destinationNatDone = b.sourceNatDone = true;
      }
      if (reroutes) {
        const next2 = [];
        for (const b of going) {
          const before2 = b.routedAs;
          if (before2 !== null && (before2.destination !== b.p.destination || name === "mangle" && before2.mark !== b.p.mark.key)) {
            for (const [branch, local] of this.isLocal(b)) {
              if (local) {
                branch.p.outInterface = "lo";
                next2.push(branch);
              } else {
                const unroutable = this.routeOut(branch);
                if (unroutable !== null) stopped.push({ b: branch, verdict: "drop" });
                else next2.push(branch);
              }
            }
          } else next2.push(b);
        }
        going = next2;
      }
    }
    return [...going.map((b) => ({ b, verdict: null })), ...stopped];
  }
  /**
   * A later packet of a connection at a nat hook: the kernel does not walk nat for it but applies
   * the rewriting the connection's first packet got there. The walk finds it by walking nat with
   * a copy of the packet as the first one was (state NEW, a SYN, the MARKs nat gave it before), and
   * gives this packet its addresses; one branch per way the first packet could go (a random pick).
   */
  connectionNat(table, hook, b, destinationSide) {
    const p = b.p;
    const first2 = clone2(b);
    let mark = p.mark;
    for (const effect of toArray(b.firstPacketMarks)) mark = mark.apply(effect);
    first2.p.mark = mark;
    first2.p.ct.state = "NEW";
    first2.p.ct.dnat = p.ct.dnat === true;
    first2.p.ct.snat = false;
    if (p.protocolNumber === 6) first2.p.tcpFlags = { known: 63, value: 2 };
    first2.path = null;
    first2.policies = null;
    first2.firstPacket = true;
    first2.firstPacketMarks = null;
    const out = [];
    for (const exit2 of this.table(table, hook, first2, false)) {
      const f = exit2.b;
      const later = { ...b, p: { ...p, tcpFlags: { ...p.tcpFlags }, ct: { ...p.ct } }, probability: f.probability, probabilityKnown: f.probabilityKnown, assumed: f.assumed, notes: f.notes };
      if (destinationSide) later.destinationNatDone = true;
      else later.sourceNatDone = true;
      const steps = toArray(f.path);
      if (exit2.verdict !== null && exit2.verdict !== "accept") {
        const rule = steps.at(-1);
        later.notes = push(later.notes, `the connection's first packet would be dropped by nat/${hook}${rule === void 0 ? "" : ` (${rule.filePath}:${rule.line})`}: no connection has this packet's addresses`);
        out.push(later);
        continue;
      }
      const rewritten = destinationSide ? f.p.ct.dnat === true : f.p.ct.snat === true;
      if (destinationSide) {
        later.p.ct.dnat = f.p.ct.dnat === true;
        later.p.destination = f.p.destination;
        later.p.destinationPort = f.p.destinationPort;
      } else {
        later.p.ct.snat = f.p.ct.snat === true;
        later.p.source = f.p.source;
        later.p.sourcePort = f.p.sourcePort;
      }
      later.firstPacketMarks = f.firstPacketMarks === null ? b.firstPacketMarks : toArray(f.firstPacketMarks).reduce((list2, effect) => push(list2, effect), b.firstPacketMarks);
      if (rewritten) later.connectionNat = push(later.connectionNat, { hook, firstPacketPath: steps, after: traced(later.p), afterStep: later.path?.length ?? 0 });
      out.push(later);
    }
    return out;
  }
  /** A table's built-in chain at a hook, then its policy. */
  table(table, hook, b, beforeConntrack) {
    const chain = table.chain(hook);
    if (chain === void 0) return [{ b, verdict: null }];
    const at = { hook, table: chain.table, node: this.node, beforeConntrack };
    const exits = [];
    for (const exit2 of this.chain(table, chain, b, at, 0)) {
      if (exit2.verdict !== null) {
        exits.push(exit2);
        continue;
      }
      const policy = chain.policy ?? "ACCEPT";
      exit2.b.policies = push(exit2.b.policies, { filePath: table.filePath, line: chain.policyLine === null ? null : chain.policyLine + 1, table: chain.table, chain: chain.name, policy, afterStep: exit2.b.path?.length ?? 0 });
      exits.push({ b: exit2.b, verdict: policy === "DROP" ? "drop" : policy === "ACCEPT" ? null : "drop" });
    }
    return exits.map((e) => e.verdict === "accept" ? { b: e.b, verdict: null } : e);
  }
  /** Walks a chain; an exit with verdict null fell off its end or met RETURN. */
  chain(table, chain, start, at, depth) {
    if (depth > MAX_DEPTH) return [{ b: start, verdict: null }];
    const exits = [];
    const candidates = chain.candidates(start.p);
    let work = null;
    let b = start;
    let c = 0;
    for (; ; ) {
      for (; ; ) {
        if (c >= candidates.length) {
          exits.push({ b, verdict: null });
          break;
        }
        const rule = chain.rule(candidates[c]);
        const decided = this.decided(rule, b, at);
        if (decided === MISSED) {
          c++;
          continue;
        }
        const continuing = [];
        if (decided === MATCHED) {
          const results = this.act(table, chain, rule, b, at, depth);
          if (!Array.isArray(results)) {
            b = results;
            c++;
            continue;
          }
          for (const r of results) {
            if (r.kind === "next") continuing.push([r.b, c + 1]);
            else exits.push(r.exit);
          }
        } else {
          for (const [branch, matched] of this.evaluate(rule, b, at, decided)) {
            if (!matched) {
              continuing.push([branch, c + 1]);
              continue;
            }
            const results = this.act(table, chain, rule, branch, at, depth);
            if (!Array.isArray(results)) {
              continuing.push([results, c + 1]);
              continue;
            }
            for (const r of results) {
              if (r.kind === "next") continuing.push([r.b, c + 1]);
              else exits.push(r.exit);
            }
          }
        }
        work ??= [];
        for (let k = continuing.length - 1; k >= 0; k--) work.push(continuing[k]);
        break;
      }
      const pending = work?.pop();
      if (pending === void 0) break;
      [b, c] = pending;
    }
    return exits;
  }
  /** MATCHED or MISSED when every test of the rule is decided for the branch, else the first undecided test's index. */
  decided(rule, b, at) {
    const tests = rule.tests;
    for (let k = 0; k < tests.length; k++) {
      let a = tests[k](b.p, at);
      if (typeof a !== "boolean") {
        const known = assumedOf(b, a.key);
        if (known === void 0) return k;
        a = known !== a.negated;
      }
      if (!a) return MISSED;
    }
    return MATCHED;
  }
  /** What a matched rule does: the branch itself when it simply goes on to the chain's next rule (most rules), else each way it goes on or leaves the chain. */
  act(table, chain, rule, b, at, depth) {
    const step = new Step(table.filePath, rule.line + 1, chain.table, chain.name, rule.target);
    b.path = push(b.path, step);
    const action = rule.action;
    switch (action.kind) {
      case "none":
      case "continue":
        return b;
      case "verdict":
        return [exit(b, action.verdict)];
      case "return":
        return [exit(b, null)];
      case "mark":
        if (action.effect === null) {
          b.p.mark = b.p.mark.forget();
          b.notes = push(b.notes, `${step.filePath}:${step.line}: the walk does not read this MARK; the mark is unknown after it`);
        } else {
          b.p.mark = b.p.mark.apply(action.effect);
          if (b.firstPacket) b.firstPacketMarks = push(b.firstPacketMarks, action.effect);
        }
        step.snapshot(b.p);
        return b;
      case "connmark":
        if (!hasConnection(b.p, at)) return b;
        action.apply(b.p);
        step.snapshot(b.p);
        return b;
      case "notrack":
        if (at.beforeConntrack) b.p.ct.state = "UNTRACKED";
        return b;
      case "tproxy": {
        const key = `a transparent socket takes the packet on port ${action.port} (TPROXY)`;
        const known = assumedOf(b, key);
        const out = [];
        const branches = known !== void 0 ? [[b, known]] : [[b, true], [this.fork(b), false]];
        for (const [branch, found] of branches) {
          if (known === void 0) this.assume(branch, { key, probability: null, negated: false }, found);
          if (found) {
            if (action.effect !== null) branch.p.mark = branch.p.mark.apply(action.effect);
            branch.p.tproxy = true;
            out.push(exit(branch, "accept"));
          } else out.push(exit(branch, "drop"));
        }
        return out;
      }
      case "nat":
        this.nat(action, b, at, step);
        step.snapshot(b.p);
        return [exit(b, "accept")];
      case "jump": {
        const target = table.jumpTarget(action);
        if (target === void 0) return b;
        const exits = this.chain(table, target, b, at, depth + 1);
        if (exits.length === 1 && exits[0].verdict === null && !action.goto) return exits[0].b;
        const out = [];
        for (const e of exits) {
          if (e.verdict !== null) out.push(exit(e.b, e.verdict));
          else out.push(action.goto ? exit(e.b, null) : next(e.b));
        }
        return out;
      }
    }
  }
  nat(action, b, at, step) {
    const p = b.p;
    const where = `${step.filePath}:${step.line}`;
    const destinationSide = at.hook === "PREROUTING" || at.hook === "OUTPUT";
    const pickPort = (ports, current) => {
      if (ports === null || current === null) return current;
      if (ports.from !== ports.to) b.notes = push(b.notes, `${where}: ${action.nat} picks a port of ${ports.from}-${ports.to}; the walk shows the first`);
      return ports.from;
    };
    const pickAddress2 = (range2) => {
      if (range2 === null) return null;
      if (range2.from !== range2.to) b.notes = push(b.notes, `${where}: ${action.nat} picks an address of ${formatAddress(p.family, range2.from)}-${formatAddress(p.family, range2.to)}; the walk shows the first`);
      return range2.from;
    };
    switch (action.nat) {
      case "DNAT":
        p.destination = pickAddress2(action.addresses) ?? p.destination;
        p.destinationPort = pickPort(action.ports, p.destinationPort);
        p.ct.dnat = true;
        break;
      case "SNAT":
        p.source = pickAddress2(action.addresses) ?? p.source;
        p.sourcePort = pickPort(action.ports, p.sourcePort);
        p.ct.snat = true;
        break;
      case "MASQUERADE": {
        const iface = p.outInterface;
        const address = iface === null || iface === "" ? null : this.node.sourceFor(p.family, iface, p.route);
        if (address === null) b.notes = push(b.notes, `${where}: MASQUERADE gives the address of ${iface ?? "the outgoing interface"}, which the node's addresses do not tell`);
        p.source = address;
        p.sourcePort = pickPort(action.ports, p.sourcePort);
        p.ct.snat = true;
        break;
      }
      case "REDIRECT": {
        const address = at.hook === "OUTPUT" ? p.family === 4 ? 0x7f000001n : 1n : this.node.addressOf(p.family, p.inInterface);
        if (address === null) b.notes = push(b.notes, `${where}: REDIRECT sends it to the address of ${p.inInterface}, which the node's addresses do not tell`);
        else p.destination = address;
        p.destinationPort = pickPort(action.ports, p.destinationPort);
        p.ct.dnat = true;
        break;
      }
      case "NETMAP": {
        const net = action.netmap;
        if (net === null) break;
        const mapped = (a) => a & ~net.mask & (p.family === 4 ? 0xffffffffn : (1n << 128n) - 1n) | net.network;
        if (destinationSide) {
          p.destination = mapped(p.destination);
          p.ct.dnat = true;
        } else if (p.source !== null) {
          p.source = mapped(p.source);
          p.ct.snat = true;
        }
        break;
      }
    }
  }
  /** Whether a rule matches: one branch when every test is decided, else one per way an undecided test goes. */
  evaluate(rule, start, at, from = 0) {
    const out = [];
    const work = [[start, from]];
    while (work.length > 0) {
      const [b, from2] = work.pop();
      let matched = true;
      for (let k = from2; k < rule.tests.length; k++) {
        let a = rule.tests[k](b.p, at);
        if (typeof a !== "boolean") {
          const known = assumedOf(b, a.key);
          if (known !== void 0) a = known !== a.negated;
        }
        if (a === true) continue;
        if (a === false) {
          matched = false;
          break;
        }
        const m = a;
        const other = this.fork(b);
        this.assume(other, m, false);
        work.push([other, k]);
        this.assume(b, m, true);
        k--;
      }
      out.push([b, matched]);
    }
    return out;
  }
  fork(b) {
    if (++this.forks >= this.maxOutcomes) throw new TraceError(`the walk splits into more than ${this.maxOutcomes} ways (undecided matches): trace a narrower packet or give the node's files`);
    return clone2(b);
  }
  assume(b, m, holds) {
    b.assumed = push(b.assumed, { key: m.key, holds });
    if (m.probability === null) b.probabilityKnown = false;
    else b.probability *= holds ? m.probability : 1 - m.probability;
  }
  outcome(b, verdict, delivery) {
    return {
      verdict,
      delivery: verdict === "accept" ? delivery : null,
      probability: b.probabilityKnown ? b.probability : null,
      conditions: toArray(b.assumed).map((a) => a.holds ? a.key : `not: ${a.key}`),
      path: toArray(b.path),
      policies: toArray(b.policies),
      packet: traced(b.p),
      notes: toArray(b.notes),
      hooks: toArray(b.hooks),
      connectionNat: toArray(b.connectionNat)
    };
  }
};
function markText(m) {
  const exact = m.exact;
  if (exact !== null) return `0x${exact.toString(16)}`;
  return `0x${m.value.toString(16)}/0x${m.known.toString(16)}`;
}
function traced(p) {
  const ported = p.sourcePort !== null || p.destinationPort !== null;
  return {
    protocol: p.protocol,
    source: p.source === null ? null : formatAddress(p.family, p.source),
    destination: formatAddress(p.family, p.destination),
    sourcePort: ported ? p.sourcePort : null,
    destinationPort: ported ? p.destinationPort : null,
    mark: markText(p.mark),
    inInterface: p.inInterface === "" ? null : p.inInterface,
    outInterface: p.outInterface === "" ? null : p.outInterface
  };
}

// rules/packet/walk.ts
var MAX_DEPTH2 = 64;
var MarkWalk = class {
  constructor(chains, client) {
    this.chains = chains;
    this.client = client;
    /** The chains the walk has entered. */
    this.visited = /* @__PURE__ */ new Set();
    this.facts = /* @__PURE__ */ new Map();
  }
  /** Walks a chain with these possible packet states; returns the states that come back from it. */
  walk(name, entering, stack = []) {
    const chain = this.chains.get(name);
    if (chain === void 0 || stack.includes(name) || stack.length > MAX_DEPTH2) return entering;
    this.visited.add(name);
    let states = entering;
    const returned = [];
    for (const line of chain.rules) {
      if (states.length === 0) break;
      const facts = this.factsOf(line);
      const next2 = [];
      for (const state of states) {
        const matches = this.evaluate(facts, state);
        if (matches === false) {
          next2.push(state);
          continue;
        }
        if (matches === "maybe") next2.push(state);
        this.act(facts, state, matches, name, stack, next2, returned);
      }
      states = unique(next2);
    }
    return unique([...returned, ...states]);
  }
  /** What a rule tests and does (read once per rule). */
  factsOf(line) {
    let facts = this.facts.get(line);
    if (facts === void 0) {
      const rule = line.rule;
      const marks = [];
      let otherConditions = rule.generic.length > 0;
      for (const match of rule.matches) {
        if (match.name === "comment") continue;
        const tests = match.name === "mark" ? markMatchTests(match) : null;
        if (tests === null) otherConditions = true;
        else marks.push(...tests);
      }
      const target = rule.target;
      facts = { line, marks, otherConditions, target, effect: target ? markTargetEffect(target) : null };
      this.facts.set(line, facts);
    }
    return facts;
  }
  evaluate(facts, state) {
    const answers = facts.marks.map((t) => state.test(t));
    if (facts.otherConditions) answers.push("maybe");
    return allOf2(answers);
  }
  act(facts, state, matches, chain, stack, next2, returned) {
    const sure = matches === true;
    const target = facts.target;
    if (target === null) {
      if (sure) next2.push(state);
      return;
    }
    const name = target.name;
    if (isTerminalTarget(name)) {
      this.client.onTerminal(facts, state, matches, chain);
      return;
    }
    if (name === "RETURN") {
      returned.push(state);
      return;
    }
    if (facts.effect) {
      next2.push(state.apply(facts.effect));
      return;
    }
    if (name === "CONNMARK" && target.option("--restore-mark")) {
      next2.push(state.forget());
      return;
    }
    if (target.kind === "goto" || this.chains.get(name) !== void 0) {
      const back = this.walk(name, [state], [...stack, chain]);
      (target.kind === "goto" ? returned : next2).push(...back);
      return;
    }
    if (sure) next2.push(state);
  }
};
function unique(states) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of states) seen.set(s.key, s);
  return [...seen.values()];
}

// rules/packet/probes.ts
var SOURCE = /* @__PURE__ */ new Set(["-s", "--source", "--src"]);
var DESTINATION = /* @__PURE__ */ new Set(["-d", "--destination", "--dst"]);
var IN2 = /* @__PURE__ */ new Set(["-i", "--in-interface"]);
var OUT = /* @__PURE__ */ new Set(["-o", "--out-interface"]);
var PROTOCOL = /* @__PURE__ */ new Set(["-p", "--protocol"]);
var DPORT = /* @__PURE__ */ new Set(["--dport", "--destination-port"]);
var DPORTS = /* @__PURE__ */ new Set(["--dports", "--destination-ports"]);
var PROTOCOL_NAMES = new Map([...BUILTIN_PROTOCOLS].map(([name, n]) => [n, name]).reverse());
var protocolName = (n) => n === 58 ? "icmpv6" : PROTOCOL_NAMES.get(n) ?? String(n);
function readMatches(line, family) {
  const view = line.view;
  const m = { sources: [], destinations: [], inInterface: null, outInterface: null, protocol: null, protocolNegated: false, destinationPorts: null, destinationPortsNegated: false, target: line.target?.name ?? null, toDestination: null, unread: false };
  let protocolWord = "tcp";
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    const name = view.name(i);
    const negated = view.negated(i) || view.lateBang(i);
    const value = view.value(i);
    if (role === "generic") {
      if (SOURCE.has(name) || DESTINATION.has(name)) {
        const parsed = value === null ? null : parseGenericAddresses(value, family);
        if (parsed === null || parsed.kind !== "value") m.unread = true;
        else (SOURCE.has(name) ? m.sources : m.destinations).push({ nets: parsed.value.map(netOf), negated });
      } else if (IN2.has(name) || OUT.has(name)) {
        if (value === null) m.unread = true;
        else if (IN2.has(name)) m.inInterface = { name: value, negated };
        else m.outInterface = { name: value, negated };
      } else if (PROTOCOL.has(name)) {
        const parsed = value === null ? null : parseGenericProtocol(value);
        if (parsed === null || parsed.kind !== "value") m.unread = true;
        else if (parsed.value !== 0) {
          m.protocol = parsed.value;
          m.protocolNegated = negated;
          protocolWord = value.toLowerCase();
        }
      }
    } else if (role === "module" && (DPORT.has(name) || DPORTS.has(name))) {
      const parsed = value === null ? null : DPORT.has(name) ? parseTcpPorts(value) : parseMultiport(value, protocolWord);
      if (parsed === null || parsed.kind !== "value") m.unread = true;
      else {
        const v = parsed.value;
        m.destinationPorts = "ports" in v ? [...v.ports] : [v];
        m.destinationPortsNegated = negated;
      }
    } else if (role === "module" && name === "--to-destination") {
      m.toDestination = value;
    }
  }
  return m;
}
function hostOf(family, net) {
  const size = bitsOf(family) - (net.prefix ?? bitsOf(family));
  if (size >= 3) return net.network + 2n;
  return net.network;
}
var overlaps = (a, b) => inNet(a.network, b) || inNet(b.network, a);
var within = (inner, outer) => (outer.prefix ?? 0) <= (inner.prefix ?? 0) && inNet(inner.network, outer);
function dumpNode(family, local, route) {
  return new NodeInfo({ local: [formatAddress(family, local)], route: route === null ? [] : [`${formatNet(family, route.net)} dev ${route.dev}`] });
}
function droppedByPolicy(outcome, table, chain) {
  if (outcome.verdict !== "drop" || outcome.reason !== void 0) return false;
  const last2 = outcome.policies[outcome.policies.length - 1];
  return last2 !== void 0 && last2.table === table && last2.chain === chain && last2.policy === "DROP" && last2.afterStep === outcome.path.length;
}
function decidingStep(outcome) {
  const last2 = outcome.policies[outcome.policies.length - 1];
  if (last2 !== void 0 && last2.afterStep === outcome.path.length) return null;
  return outcome.path[outcome.path.length - 1] ?? null;
}
function addressOutside(family, nets, tried) {
  for (const text of tried) {
    const a = parseAddress(text);
    if (a === null || a.family !== family) continue;
    if (!nets.some((n) => inNet(a.address, n))) return a.address;
  }
  return null;
}
var MAX_BRIDGE_LINES = 64;
function bridgeRoutes(model, family) {
  const nat = model.tables().find((t) => t.table.name === "nat");
  if (nat === void 0) return [];
  const routes = [];
  const lines = model.lines.linesTargeting("MASQUERADE");
  for (let k = 0, read2 = 0; k < lines.length && read2 < MAX_BRIDGE_LINES; k++) {
    const n = lines[k];
    if (nat.chainOf(n) === NONE || !nat.chains.keeps(n)) continue;
    read2++;
    const m = readMatches(model.document.line(n), family);
    const source = m.sources.find((s) => !s.negated && s.nets.length === 1);
    if (m.unread || source === void 0 || m.outInterface === null || !m.outInterface.negated || m.outInterface.name.endsWith("+")) continue;
    const net = source.nets[0];
    if (!routes.some((r) => r.net.network === net.network && r.net.mask === net.mask)) routes.push({ net, dev: m.outInterface.name });
  }
  return routes;
}
var routeTo = (routes, address) => routes.find((r) => inNet(address, r.net)) ?? null;

// rules/packet/match-set.ts
var NEUTRAL = /* @__PURE__ */ new Set(["comment"]);
var PORTED3 = /* @__PURE__ */ new Set(["tcp", "udp", "udplite", "sctp", "dccp"]);
function matchSetOf(view, family) {
  const atoms = [];
  let decidable = true;
  let module2 = null;
  let protocol = null;
  let inTarget = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "jump" || role === "goto") {
      inTarget = true;
      continue;
    }
    if (inTarget || role === "command" || role === "counters" || role === "table") continue;
    const name = view.name(i);
    const negated = view.negated(i);
    const value = view.value(i) ?? "";
    if (role === "generic") {
      const atom2 = genericAtom(name, value, negated, family);
      if (atom2 === void 0) decidable = false;
      else if (atom2 !== null) atoms.push(atom2);
      if (name === "-p" || name === "--protocol") protocol = value.toLowerCase();
      continue;
    }
    if (role === "match") {
      module2 = value.toLowerCase();
      if (!NEUTRAL.has(module2) && !PORTED3.has(module2) && !["multiport", "conntrack", "state", "icmp", "icmp6"].includes(module2)) decidable = false;
      continue;
    }
    const owner2 = module2 ?? protocol;
    if (owner2 === null || NEUTRAL.has(owner2)) continue;
    const atom = moduleAtom(owner2, name, view.values(i), negated);
    if (atom === null) decidable = false;
    else atoms.push(atom);
  }
  return { atoms, decidable };
}
function genericAtom(name, value, negated, family) {
  const match = genericMatchOf(name);
  switch (match) {
    case "source":
    case "destination": {
      const parsed = parseGenericAddresses(value, family);
      if (parsed.kind !== "value") return void 0;
      return { field: match, negated, nets: parsed.value.map(netOf) };
    }
    case "in-interface":
    case "out-interface":
      return { field: match === "in-interface" ? "in" : "out", negated, pattern: value };
    case "protocol": {
      const parsed = parseGenericProtocol(value);
      if (parsed.kind !== "value") return void 0;
      return parsed.value === 0 ? negated ? void 0 : null : { field: "protocol", negated, number: parsed.value };
    }
    default:
      return void 0;
  }
}
function moduleAtom(module2, name, values2, negated) {
  const value = values2[0] ?? "";
  if (PORTED3.has(module2)) {
    if (["--sport", "--source-port", "--dport", "--destination-port"].includes(name)) {
      const parsed = parseTcpPorts(value);
      if (parsed.kind !== "value") return null;
      return { field: name === "--sport" || name === "--source-port" ? "sport" : "dport", negated, ranges: [parsed.value] };
    }
    if (module2 === "tcp" && (name === "--syn" || name === "--tcp-flags")) return { field: "written", negated, key: `tcp ${name} ${values2.join(" ").toUpperCase()}` };
    return null;
  }
  if (module2 === "multiport") {
    if (!["--sports", "--source-ports", "--dports", "--destination-ports"].includes(name)) return null;
    const parsed = parseMultiport(value, "tcp");
    if (parsed.kind !== "value") return null;
    return { field: name === "--sports" || name === "--source-ports" ? "sport" : "dport", negated, ranges: parsed.value.ports };
  }
  if (module2 === "conntrack" || module2 === "state") {
    if (name !== "--ctstate" && name !== "--state") return null;
    const parsed = parseCtState(value);
    if (parsed.kind !== "value") return null;
    const states = new Set([...parsed.value].map((s) => s.toUpperCase()));
    if (states.has("SNAT") || states.has("DNAT")) return null;
    return { field: "ctstate", negated, states };
  }
  if (module2 === "icmp" || module2 === "icmp6") {
    if (name !== "--icmp-type" && name !== "--icmpv6-type") return null;
    return { field: "written", negated, key: `${module2} ${values2.join(" ").toLowerCase()}` };
  }
  return null;
}
function implies(inner, outer) {
  if (!inner.decidable || !outer.decidable) return false;
  return outer.atoms.every((atom) => impliesAtom(inner, atom));
}
function disjoint(a, b) {
  return b.atoms.some((atom) => impliesAtom(a, { ...atom, negated: !atom.negated })) || a.atoms.some((atom) => impliesAtom(b, { ...atom, negated: !atom.negated }));
}
function impliesAtom(set, atom) {
  return set.atoms.some((have) => have.field === atom.field && atomImplies(have, atom));
}
var withAtoms = (set, atoms) => ({ atoms: [...set.atoms, ...atoms], decidable: set.decidable });
function atomImplies(have, want) {
  switch (want.field) {
    case "source":
    case "destination": {
      const h = have;
      if (!h.negated && !want.negated) return h.nets.every((n) => want.nets.some((w) => netWithin(n, w)));
      if (!h.negated && want.negated) return h.nets.every((n) => want.nets.every((w) => !netsMeet(n, w)));
      if (h.negated && want.negated) return want.nets.every((w) => h.nets.some((n) => netWithin(w, n)));
      return false;
    }
    case "in":
    case "out": {
      const h = have;
      if (!h.negated && !want.negated) return patternWithin(h.pattern, want.pattern);
      if (!h.negated && want.negated) return !patternsMeet(h.pattern, want.pattern);
      if (h.negated && want.negated) return patternWithin(want.pattern, h.pattern);
      return false;
    }
    case "protocol": {
      const h = have;
      if (!h.negated && !want.negated) return h.number === want.number;
      if (!h.negated && want.negated) return h.number !== want.number;
      if (h.negated && want.negated) return h.number === want.number;
      return false;
    }
    case "sport":
    case "dport": {
      const h = have;
      if (!h.negated && !want.negated) return h.ranges.every((r) => covered(r, want.ranges));
      if (!h.negated && want.negated) return h.ranges.every((r) => want.ranges.every((w) => r.max < w.min || w.max < r.min));
      if (h.negated && want.negated) return want.ranges.every((w) => covered(w, h.ranges));
      return false;
    }
    case "ctstate": {
      const h = have;
      if (!h.negated && !want.negated) return [...h.states].every((s) => want.states.has(s));
      if (!h.negated && want.negated) return [...h.states].every((s) => !want.states.has(s));
      if (h.negated && want.negated) return [...want.states].every((s) => h.states.has(s));
      return false;
    }
    case "written": {
      const h = have;
      return h.key === want.key && h.negated === want.negated;
    }
  }
}
var netWithin = (n, w) => (w.mask & ~n.mask) === 0n && (n.network & w.mask) === w.network;
var netsMeet = (a, b) => ((a.network ^ b.network) & a.mask & b.mask) === 0n;
function patternWithin(inner, outer) {
  const o = outer.endsWith("+") ? outer.slice(0, -1) : null;
  if (o === null) return inner === outer;
  return (inner.endsWith("+") ? inner.slice(0, -1) : inner).startsWith(o);
}
function patternsMeet(a, b) {
  const pa = a.endsWith("+") ? a.slice(0, -1) : null;
  const pb = b.endsWith("+") ? b.slice(0, -1) : null;
  if (pa === null && pb === null) return a === b;
  if (pa === null) return a.startsWith(pb);
  if (pb === null) return b.startsWith(pa);
  return pa.startsWith(pb) || pb.startsWith(pa);
}
function covered(r, ranges2) {
  let next2 = r.min;
  const sorted = [...ranges2].sort((a, b) => a.min - b.min);
  for (const x of sorted) {
    if (x.min > next2) break;
    if (x.max >= next2) next2 = x.max + 1;
    if (next2 > r.max) return true;
  }
  return next2 > r.max;
}
function dnatMayReach(toDestination, family, set) {
  if (toDestination === null) return true;
  const wanted = set.atoms.filter((a) => a.field === "destination" && !a.negated);
  if (wanted.length === 0) return true;
  const range2 = dnatAddresses(toDestination, family);
  if (range2 === null) return true;
  return wanted.every((atom) => atom.nets.some((net) => rangeMeetsNet(range2, net, family)));
}
function dnatAddresses(text, family) {
  let addresses;
  if (family === 4) addresses = text.split(":")[0];
  else if (text.startsWith("[")) addresses = text.slice(1, text.indexOf("]") === -1 ? text.length : text.indexOf("]"));
  else addresses = text;
  if (addresses === "") return null;
  const [fromText, toText] = addresses.split("-");
  const from = parseGenericAddresses(fromText, family);
  const to = parseGenericAddresses(toText ?? fromText, family);
  if (from.kind !== "value" || to.kind !== "value" || from.value.length !== 1 || to.value.length !== 1) return null;
  const a = netOf(from.value[0]);
  const b = netOf(to.value[0]);
  if (a.exact !== true || b.exact !== true) return null;
  return { from: a.network, to: b.network };
}
function rangeMeetsNet(range2, net, family) {
  if (net.prefix === null) return true;
  const last2 = net.network | ~net.mask & allOnes(family);
  return range2.from <= last2 && range2.to >= net.network;
}

// rules/address-family-mismatch/rule.ts
var ID = "address-family-mismatch";
var V42 = /^\d{1,3}(\.\d{1,3}){3}(\/[\d.]+)?$/;
function familyOfAddress(text) {
  if (text.startsWith("[") || (text.match(/:/g)?.length ?? 0) >= 2) return 6;
  if (V42.test(text)) return 4;
  return null;
}
function natAddresses(value) {
  if (value.startsWith("[")) return [value.slice(1, value.indexOf("]") === -1 ? void 0 : value.indexOf("]"))];
  const colons = value.match(/:/g)?.length ?? 0;
  const address = colons === 1 ? value.slice(0, value.indexOf(":")) : value;
  return address === "" ? [] : address.split("-");
}
var addressFamilyMismatch = {
  id: ID,
  description: "an IPv4 address, ICMP type, match or target in an ip6tables ruleset, or the reverse: the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { model } = context;
    const evidence = model.family();
    if (evidence === null) return;
    const other = evidence.family === 4 ? 6 : 4;
    const index = model.lines;
    const lines = index.commandsWith({
      facts: [other === 4 ? "v4-address" : "v6-address", "icmp-protocol"],
      options: ["--icmp-type", "--icmpv6-type", "--reject-with"],
      targets: ONE_FAMILY_TARGETS
    });
    for (const line of lines) {
      checkLine(context, line, evidence, other);
      const target = line.view.targetIndex();
      if (target !== -1 && isOtherFamilys("target", line.view.value(target), other)) reportExtension(context, line.view, target, evidence, other);
    }
    const { document } = context;
    const shapes = index.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || otherFamilyMatches(line.view, other).length === 0) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = document.line(n);
        if (like.kind === "command") for (const i of otherFamilyMatches(like.view, other)) reportExtension(context, like.view, i, evidence, other);
      }
    }
  }
};
var ONE_FAMILY_TARGETS = EXTENSIONS.filter((e) => e.kind === "target" && e.families.length === 1).map((e) => e.name);
var isOtherFamilys = (kind, name, other) => {
  const extension = name === null ? void 0 : findExtension(kind, name, null);
  return extension !== void 0 && extension.families.length === 1 && extension.families[0] === other;
};
function otherFamilyMatches(view, other) {
  const found = [];
  for (let i = 0; i < view.count; i++) if (view.role(i) === "match" && isOtherFamilys("match", view.value(i), other)) found.push(i);
  return found;
}
function reportExtension(context, view, i, evidence, other) {
  const tool = evidence.family === 6 ? "ip6tables" : "iptables";
  const ruleset = `an ${tool} ruleset (${evidence.because})`;
  const name = view.value(i) ?? "";
  const otherTool = other === 6 ? "ip6tables" : "iptables";
  if (i !== view.targetIndex()) {
    const what = name === "icmp" ? "IPv4 ICMP" : name === "icmp6" || name === "icmpv6" ? "ICMPv6" : `an ${otherTool} match`;
    context.report({ range: view.range(i), message: `\`-m ${name}\` is ${what} in ${ruleset}: ${tool}-restore refuses it ("Couldn't load match \`${name}'")` });
    return;
  }
  const option2 = i + 1 < view.count ? view.name(i + 1) : null;
  const said = option2 !== null && option2.startsWith("--") && !GLOBAL_LONG_OPTIONS.some((g) => g.startsWith(option2)) ? ` ("unknown option "${option2}"")` : "";
  context.report({ range: view.range(i), message: `${name} is an ${otherTool} target, in ${ruleset}: ${tool}-restore refuses the line${said}` });
}
function checkLine(context, line, evidence, other) {
  const view = line.view;
  const tool = evidence.family === 6 ? "ip6tables" : "iptables";
  const ruleset = `an ${tool} ruleset (${evidence.because})`;
  const report12 = (i, message5, severity) => context.report({ range: view.range(i), message: message5, severity });
  for (let i = 0; i < view.count; i++) {
    const name = view.name(i);
    if (GENERIC_ADDRESS_OPTIONS.has(name) || NAT_ADDRESS_OPTIONS.has(name) || RANGE_ADDRESS_OPTIONS.has(name) || PLAIN_ADDRESS_OPTIONS.has(name)) {
      const value = view.value(i);
      if (value === null) continue;
      const addresses = NAT_ADDRESS_OPTIONS.has(name) ? natAddresses(value) : RANGE_ADDRESS_OPTIONS.has(name) ? value.split("-") : value.split(",");
      const wrong = addresses.filter((a) => familyOfAddress(a) === other);
      if (wrong.length === 0) continue;
      report12(i, `\`${name} ${value}\` is IPv${other} in ${ruleset}: ${tool}-restore refuses it (${refusal(name, NAT_ADDRESS_OPTIONS.has(name) && value.startsWith("[") ? value : wrong[0], evidence.family)})`);
      continue;
    }
    if (name === "--icmp-type" && evidence.family === 6) {
      report12(i, `\`--icmp-type\` is IPv4 ICMP in ${ruleset}: ip6tables-restore refuses it ("unknown option "--icmp-type"")`);
    } else if (name === "--icmpv6-type" && evidence.family === 4) {
      report12(i, `\`--icmpv6-type\` is ICMPv6 in ${ruleset}: iptables-restore refuses it ("unknown option "--icmpv6-type"")`);
    } else if (name === "--reject-with") {
      const type = view.value(i) ?? "";
      if (evidence.family === 6 && type.startsWith("icmp-") || evidence.family === 4 && type.startsWith("icmp6-")) {
        report12(i, `\`--reject-with ${type}\` is ${evidence.family === 6 ? "IPv4" : "ICMPv6"} in ${ruleset}: ${tool}-restore refuses it ("unknown reject type "${type}"")`);
      }
    } else if (name === "-p" || name === "--protocol") {
      const protocol = (view.value(i) ?? "").toLowerCase();
      if (evidence.family === 6 && (protocol === "icmp" || protocol === "1")) {
        report12(i, `\`-p ${view.value(i)}\` is IPv4 ICMP in ${ruleset}: it loads, but never matches ICMPv6 (ping, neighbour discovery)`, "warning");
      } else if (evidence.family === 4 && (protocol === "ipv6-icmp" || protocol === "icmpv6" || protocol === "58")) {
        report12(i, `\`-p ${view.value(i)}\` is ICMPv6 in ${ruleset}: it loads, but never matches IPv4 ICMP (ping)`, "warning");
      }
    }
  }
}
function refusal(option2, address, family) {
  if (GENERIC_ADDRESS_OPTIONS.has(option2)) return `"host/network \`${address.replace(/\/.*/, "")}' not found"`;
  if (NAT_ADDRESS_OPTIONS.has(option2)) return family === 4 && address.startsWith("[") ? `"Invalid address format"` : `"Bad IP address "${address}""`;
  if (RANGE_ADDRESS_OPTIONS.has(option2)) return `"iprange: Bad value for "${option2}" option"`;
  return `"getaddrinfo: Address family for hostname not supported"`;
}

// rules/report/edits.ts
function wholeLine(document, line) {
  const { lineStarts, contentEnds, lineCount } = document.source.lexed;
  const start = lineStarts[line.index];
  const end = line.index + 1 < lineCount ? lineStarts[line.index + 1] : document.text.length;
  if (end > contentEnds[line.index] || line.index === 0) return { start, end, text: "" };
  return { start: contentEnds[line.index - 1], end, text: "" };
}
function moveDeclarationFix(document, table, name) {
  if (table.deletesOrRenames) return null;
  const declarations = table.declarationsOf(name);
  if (declarations.length !== 1) return null;
  const declaration = declarations[0];
  if (declaration.kind === "chain" && declaration.policy !== "-") return null;
  const firstUse = table.firstMissingUse(name);
  if (firstUse === void 0 || firstUse.index > declaration.index) return null;
  const { lineStarts } = document.source.lexed;
  let at;
  if (declaration.kind === "chain") {
    const before2 = table.table.chains.filter((d) => d.index < firstUse.index).pop();
    const after = before2 ?? table.table.header;
    at = after ? lineStarts[after.index + 1] : lineStarts[firstUse.index];
  } else {
    at = lineStarts[firstUse.index];
  }
  const eol = declaration.eol || firstUse.eol || "\n";
  return {
    title: `declare ${name} before its first use`,
    applicability: "safe",
    edits: [{ start: at, end: at, text: declaration.text + eol }, wholeLine(document, declaration)]
  };
}

// rules/report/words.ts
var listOf = (names2) => names2.length <= 1 ? names2.join("") : `${names2.slice(0, -1).join(", ")} and ${names2[names2.length - 1]}`;
var tableName = (table) => table.name === null ? "the table" : `table ${table.name}`;
var lineOf = (line) => `line ${line.index + 1}`;
var hex = (n) => `0x${(n >>> 0).toString(16)}`;

// rules/report/refusals.ts
var MAX_PATHS_LENGTH = 60;
function chainReachedFrom(table, chain, isBuiltin, hooks2) {
  if (isBuiltin) return chain;
  const paths = hooks2.map((hook) => table.hooks.path(chain, hook).join(" \u2192 ")).join("; ");
  return `${chain} (${paths.length <= MAX_PATHS_LENGTH ? paths : `from ${listOf(hooks2)}`})`;
}
function kernelRefusal(logged, legacyOnly, backend) {
  const words2 = logged === null ? " (it logs no reason)" : ` ("${logged}")`;
  if (!legacyOnly) return `the kernel refuses the table${words2}`;
  return backend === "nft" ? "only iptables-legacy refuses the table, and iptables-nft wrote this dump" : `only iptables-legacy refuses the table${words2}`;
}

// rules/chain-declaration/rule.ts
var ID2 = "chain-declaration";
var chainDeclaration = {
  id: ID2,
  description: "a chain declared twice, a policy on a user chain, a built-in chain the table does not have, a policy other than ACCEPT or DROP, a chain named after a target",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const walk of context.model.tables()) {
      for (const declaration of walk.policyDeclarations) checkDeclaration(context, walk, declaration);
      for (const command of walk.policyCommands) checkPolicyCommand(context, walk, command);
      for (const command of walk.newChainCommands) checkNewChain(context, walk, command);
      for (const redeclaration of walk.redeclarations) checkRedeclaration(context, walk, redeclaration);
    }
  }
};
var fix = (title, applicability, edits) => ({ title, applicability, edits });
function checkDeclaration(context, walk, declaration) {
  const { name, policyWord } = declaration;
  const policy = declaration.policy;
  const line = declaration.index + 1;
  if (policyWord === null && name !== "" && declaration.counters !== null) return countersForPolicy(context, walk, declaration, line);
  if (policyWord === null || policy === null || name === "") return;
  if (walk.builtins.has(name)) {
    if (policy === "-" || POLICIES.has(policy)) return;
    context.report(badPolicy(`\`:${name} ${policy}\``, policy, policyWord));
    return;
  }
  if (policy === "-") return;
  const elsewhere = walk.table.name === null ? [] : tablesWithBuiltin(name);
  const legacy = 'iptables-legacy-restore refuses it ("Bad built-in chain name")';
  if (elsewhere.length) {
    const unused = !isNamedAnywhere(walk, name, declaration);
    context.report({
      range: declaration.range,
      message: `\`:${name} ${policy}\` in ${walk.table.name}, which has no built-in ${name}: ${legacy}, iptables-nft makes an empty user chain`,
      fix: unused ? fix(`remove the declaration of ${name}, which ${walk.table.name} does not have`, "safe", [wholeLine(context.document, declaration)]) : void 0
    });
    return;
  }
  context.report({
    range: policyWord.range,
    message: `\`:${name} ${policy}\` gives the user chain ${name} a policy: ${legacy}, iptables-nft ignores the policy`,
    fix: fix(`make ${name} a user chain without a policy`, "unsafe", [{ start: policyWord.range.start, end: policyWord.range.end, text: "-" }])
  });
}
function countersForPolicy(context, walk, declaration, line) {
  const { name } = declaration;
  const counters = declaration.counters;
  const written = `\`:${name} ${counters.text}\``;
  const legacy = (why) => `"Can't set policy \`${counters.text}' on \`${name}' line ${line}: ${why}"`;
  if (walk.builtins.has(name)) {
    context.report({
      range: counters.range,
      message: `${written} has no policy, and both backends refuse the built-in chain ("Bad policy name")`
    });
    return;
  }
  context.report({
    range: counters.range,
    message: `${written} has no policy: iptables-legacy-restore refuses it (${legacy("Bad built-in chain name")}), iptables-nft-restore loads a user chain`,
    fix: fix(`declare ${name} as a user chain: \`:${name} - ${counters.text}\``, "safe", [{ start: counters.range.start, end: counters.range.start, text: "- " }])
  });
}
function badPolicy(written, policy, word) {
  const upper = policy.toUpperCase();
  const caseOnly = POLICIES.has(upper);
  return {
    range: word.range,
    message: `${written}: a built-in chain's policy is ACCEPT or DROP${caseOnly ? " (in capitals)" : ""}, so iptables-restore refuses the table on loading ("Bad policy name")`,
    fix: caseOnly ? fix(`write the policy ${upper}`, "safe", [{ start: word.range.start, end: word.range.end, text: upper }]) : void 0
  };
}
function checkPolicyCommand(context, walk, command) {
  const name = command.chain;
  const positional = command.positional;
  const policyWord = positional[1] ?? null;
  const policy = policyWord?.value ?? null;
  if (name === null || policy === null || policy === "-") {
    context.report({
      range: command.range,
      message: 'Both backends refuse `-P` without a chain and a policy, even with --test ("-P requires a chain and a policy")'
    });
    return;
  }
  if (!walk.builtins.has(name)) {
    const elsewhere = walk.table.name === null ? [] : tablesWithBuiltin(name);
    const what = elsewhere.length ? `${walk.table.name} has no built-in ${name}` : `${name} is not a built-in chain${walk.table.name === null ? "" : ` of ${walk.table.name}`}`;
    context.report({
      range: command.chainWord?.range ?? command.range,
      message: `\`-P ${name} ${policy}\`: ${what}, so iptables-restore refuses the table on loading ("Bad built-in chain name")`
    });
    return;
  }
  if (!POLICIES.has(policy)) {
    context.report(badPolicy(`\`-P ${name} ${policy}\``, policy, policyWord));
  } else if (policy === "DROP" && walk.table.name === "nat") {
    context.report({
      range: policyWord?.range ?? command.range,
      message: `\`-P ${name} DROP\` in nat: iptables refuses the line ("The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.")`
    });
  }
}
function checkNewChain(context, walk, command) {
  const name = command.chain;
  if (name === null) {
    context.report({
      range: command.range,
      message: "Both backends refuse `-N` without a chain name"
    });
    return;
  }
  if (isKnownTarget(name)) {
    context.report({
      range: command.chainWord?.range ?? command.range,
      message: `\`-N ${name}\`: ${name} is a target, and iptables refuses a chain named after one ("chain name may not clash with target name")`
    });
  }
}
function checkRedeclaration(context, walk, { line, previous }) {
  const { document } = context;
  const name = line.kind === "chain" ? line.name : line.chain;
  const where = previous ? ` (first at ${lineOf(previous)})` : "";
  const range2 = line.kind === "chain" ? line.range : line.chainWord?.range ?? line.range;
  if (walk.builtins.has(name)) {
    if (line.kind === "command") {
      context.report({
        range: range2,
        message: `\`-N ${name}\`: ${name} is a built-in chain of ${tableName(walk.table)}, so iptables-restore refuses the table on loading ("Chain already exists.")`,
        fix: fix(`remove -N ${name}`, "safe", [wholeLine(document, line)])
      });
      return;
    }
    const first2 = previous?.kind === "chain" ? previous : null;
    const same = first2 !== null && sameDeclaration(first2, line);
    context.report({
      range: range2,
      severity: "warning",
      message: `${name} is declared twice in ${tableName(walk.table)}${where}: both backends load it, ` + (first2 && first2.policy !== line.policy ? `and the later policy, ${line.policy}, replaces ${first2.policy}` : `with the policy ${line.policy}`),
      fix: same ? fix(`remove the repeated declaration of ${name}`, "safe", [wholeLine(document, line)]) : void 0
    });
    return;
  }
  const between = previous ? rulesBetween(walk, previous, line) : 0;
  const userDeclaration = (d) => d !== null && (d.kind === "command" || d.policy === "-");
  const equivalent = userDeclaration(previous) && userDeclaration(line);
  if (line.kind === "command") {
    context.report({
      range: range2,
      message: `\`-N ${name}\`: ${name} is already declared${where}, so iptables-restore refuses the table on loading ("Chain already exists.")`,
      fix: equivalent ? fix(`remove the repeated declaration of ${name}`, "safe", [wholeLine(document, line)]) : void 0
    });
    return;
  }
  const flushed = between > 0 ? `flushes its ${between} rule${between > 1 ? "s" : ""}` : "loads it";
  let offered;
  if (equivalent) {
    offered = fix(`remove the repeated declaration of ${name}`, between > 0 ? "unsafe" : "safe", [wholeLine(document, line)]);
  }
  context.report({
    range: range2,
    message: `${name} is declared twice${where}: iptables-legacy-restore refuses it ("error creating chain '${name}':File exists"), iptables-nft ${flushed}`,
    fix: offered
  });
}
function sameDeclaration(a, b) {
  return a.policy === b.policy && (a.counters?.text ?? "") === (b.counters?.text ?? "");
}
function rulesBetween(walk, from, to) {
  const id = walk.chainOf(lineNo(to));
  if (id === NONE) return 0;
  return walk.ruleLinesOf(id).filter((line) => line > from.index && line < to.index).length;
}
function isNamedAnywhere(walk, name, declaration) {
  if (walk.declarationsOf(name).length > 1) return true;
  for (const command of walk.table.commands) {
    if (command === declaration) continue;
    if (command.chain === name || command.positional.some((w) => w.value === name) || walk.targetName(lineNo(command)) === name) return true;
  }
  return false;
}

// rules/chain-name-too-long/rule.ts
var ID3 = "chain-name-too-long";
var chainNameTooLong = {
  id: ID3,
  description: "a chain or target name longer than 28 bytes: iptables refuses the line, even with --test",
  severity: "error",
  fixable: false,
  check(context) {
    for (const walk of context.model.tables()) {
      const table = walk.table;
      const { longest, nonAscii } = walk.nameStats();
      const ascii = !nonAscii;
      if (ascii ? longest <= MAX_CHAIN_NAME_BYTES : longest * 3 <= MAX_CHAIN_NAME_BYTES) {
        if (!walk.deletesOrRenames) continue;
      }
      const verdicts = [];
      const tooLong = (id) => {
        if (id === NONE) return false;
        let verdict = verdicts[id];
        if (!verdict) {
          const length = walk.nameLength(id);
          verdict = length > MAX_CHAIN_NAME_BYTES || !ascii && isNameTooLong(walk.nameOf(id)) ? 2 : 1;
          while (verdicts.length < id) verdicts.push(0);
          verdicts[id] = verdict;
        }
        return verdict === 2;
      };
      const found = /* @__PURE__ */ new Map();
      const note = (name, place, range2, line) => {
        const seen = found.get(name);
        if (seen === void 0) found.set(name, { name, place, range: range2, line, count: 1 });
        else if (line < seen.line) Object.assign(seen, { place, range: range2, line, count: seen.count + 1 });
        else if (line !== seen.line) seen.count++;
      };
      for (const declaration of table.chains) {
        if (tooLong(walk.chainOf(lineNo(declaration)))) note(declaration.name, "declaration", declaration.header.range, declaration.index);
      }
      for (const command of table.commands) {
        if (tooLong(walk.chainOf(lineNo(command)))) note(command.chain, "command", command.chainWord.range, command.index);
        if (command.command === "rename-chain") {
          const to = command.positional[1];
          if (to && isNameTooLong(to.value)) note(to.value, "rename", to.range, command.index);
        }
        if (tooLong(walk.targetOf(lineNo(command)))) {
          const target = walk.target(command);
          note(target.name, "target", target, command.index);
        }
      }
      for (const occurrence of [...found.values()].sort((a, b) => a.line - b.line)) {
        context.report({ range: occurrence.range, message: message(occurrence) });
      }
    }
  }
};
function message({ name, place, count }) {
  const bytes = nameBytes(name);
  const size = bytes === name.length ? `${bytes} bytes` : `${bytes} bytes in UTF-8`;
  const more = count > 1 ? `, and ${count - 1} more line${count > 2 ? "s name" : " names"} it` : "";
  const what = `\`${name}\` is ${size}, more than iptables' ${MAX_CHAIN_NAME_BYTES}${more}`;
  switch (place) {
    case "declaration":
      return `${what}: both backends refuse it ("too long (must be under 29 chars)")`;
    case "command":
      return `${what}: both backends refuse the line ("too long (must be under 29 chars)")`;
    case "target":
      return `${what}: both backends refuse the jump to it ("Invalid target name")`;
    case "rename":
      return `${what}: only iptables-nft-restore refuses the rename ("CHAIN_RENAME failed")`;
  }
}

// rules/comment-after-rule/rule.ts
var ID4 = "comment-after-rule";
var commentAfterRule = {
  id: ID4,
  description: '`# text` after a rule: `#` starts a comment only at the start of a line, so iptables refuses the line ("Bad argument `#\'")',
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document } = context;
    for (const index of linesWithInnerHash(document)) {
      if (document.kindOf(index) !== "command") continue;
      const line = document.line(index);
      const at = strayHash(line);
      if (at === null) continue;
      const { start } = at;
      const end = line.range.end;
      const comment = document.text.slice(start, end).trimEnd();
      let cut = start;
      while (cut > line.range.start && (document.text[cut - 1] === " " || document.text[cut - 1] === "	")) cut--;
      context.report({
        range: { start, end: start + comment.length },
        message: `\`${short(comment)}\` is not a comment: \`#\` starts one only at the start of a line, and iptables refuses the line ("Bad argument \`${at.word}'")`,
        fix: {
          title: "move the text after `#` to a comment line of its own, above the rule",
          applicability: "unsafe",
          edits: [
            { start: line.range.start, end: line.range.start, text: comment + (line.eol || "\n") },
            { start: cut, end, text: "" }
          ]
        }
      });
    }
  }
};
var short = (text) => text.length > 40 ? `${text.slice(0, 37)}...` : text;
function linesWithInnerHash(document) {
  const { text, source } = document;
  const lines = [];
  for (let at = text.indexOf("#"); at !== -1; at = text.indexOf("#", at + 1)) {
    const before2 = text.charCodeAt(at - 1);
    if (before2 !== 32 && before2 !== 9 && before2 !== 34) continue;
    const line = source.positionAt(at).line - 1;
    if (lines[lines.length - 1] !== line) lines.push(line);
    at = source.lexed.lineStarts[line + 1] - 1;
  }
  return lines;
}
function strayHash(line) {
  const isHash = (raw) => decodeWord(raw).startsWith("#");
  const named = line.command === "rename-chain" || line.command === "policy";
  const positional = line.positional;
  for (let k = named ? 2 : 1; k < positional.length; k++) {
    if (isHash(positional[k].raw)) return { start: positional[k].range.start, word: decodeWord(positional[k].raw) };
  }
  const view = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    const count = optionValueCount(view.name(i));
    if (count === null) continue;
    const written = text.slice(view.optionRange(i).start, view.optionRange(i).end);
    const own = Math.max(0, count - (written.startsWith("--") && written.includes("=") ? 1 : 0));
    for (let k = own, range2 = view.valueRange(i, k); range2 !== null; range2 = view.valueRange(i, ++k)) {
      const raw = text.slice(range2.start, range2.end);
      if (isHash(raw)) return { start: range2.start, word: decodeWord(raw) };
    }
  }
  return null;
}

// rules/conflicting-options/rule.ts
var ID5 = "conflicting-options";
var conflictingOptions = {
  id: ID5,
  description: "two options of one match or target that exclude each other (`--set-mark` with `--and-mark`, `--syn` with `--tcp-flags`): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = ruleLineAt(context.document, representative);
      if (line === null) continue;
      const reading = readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => conflictOf(instance, family) !== null)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = ruleLineAt(context.document, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          const conflict = conflictOf(instance, family);
          if (conflict !== null) report(context, like, instance, conflict);
        }
      }
    }
  }
};
function conflictOf(instance, _family) {
  const { extension, given } = instance;
  if (given.length < 2) return null;
  for (const group of ONCE_GROUPS) {
    if (group.kind !== extension.kind || group.extension !== extension.name) continue;
    const inGroup = given.filter((g) => group.options.includes(g.key));
    const other = inGroup.find((g) => g.key !== inGroup[0]?.key);
    if (other !== void 0) return { first: inGroup[0], second: other, said: group.message };
  }
  const order = [...new Set(extension.options.map((o) => o.names[0]))];
  const byOrder = [...given].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  for (const entry of byOrder) {
    const excluded = entry.option.excludes;
    if (excluded === void 0) continue;
    const other = byOrder.find((g) => g.key !== entry.key && excluded.includes(g.key));
    if (other !== void 0) {
      const [first2, second] = entry.element < other.element ? [entry, other] : [other, entry];
      return { first: first2, second, said: `${extension.name}: option "${entry.key}" cannot be used together with "${other.key}".` };
    }
  }
  return null;
}
function report(context, line, instance, conflict) {
  const view = line.view;
  const named = conflict.said.startsWith(`${instance.extension.name}:`);
  const which = named ? "" : ` (\`${instance.extension.kind === "match" ? "-m" : "-j"} ${instance.extension.name}\`)`;
  context.report({
    range: view.range(conflict.second.element),
    message: `\`${view.name(conflict.second.element)}\` with \`${view.name(conflict.first.element)}\`${which}: iptables-restore refuses the line ("${conflict.said}")`
  });
}

// rules/option-cannot-be-negated/rule.ts
var ID6 = "option-cannot-be-negated";
var optionCannotBeNegated = {
  id: ID6,
  description: "`!` before an option of a match or target that cannot be inverted (`! --comment`, `! --log-prefix`): iptables-restore refuses the line; `! -s 0.0.0.0/0`, which iptables-nft refuses",
  severity: "error",
  fixable: false,
  check(context) {
    const family = context.model.family()?.family ?? null;
    for (const n of context.model.lines.linesWith({ facts: ["bang-before-other-option"] })) {
      const line = ruleLineAt(context.document, n);
      if (line === null || !hasEarlyBang(line.view)) continue;
      for (const refusal4 of refusalsOf(line.view, family)) {
        context.report({ range: refusal4.range, message: `\`! ${line.view.name(refusal4.element)}\`: ${refusal4.what} cannot be negated, iptables-restore refuses the line ("${refusal4.said}")` });
      }
    }
    const { document } = context;
    const { text } = document;
    let previousZero = -1;
    for (let at = text.indexOf("!"); at !== -1; at = text.indexOf("!", at + 1)) {
      if (!isEarlyBang(text, at) || !bangBeforeZeroMask(text, at)) continue;
      const n = document.source.positionAt(at).line - 1;
      if (n === previousZero) continue;
      previousZero = n;
      const line = ruleLineAt(document, n);
      if (line !== null) reportNegatedEveryAddress(context, line.view, family);
    }
  }
};
var isBlank = (c) => c === 32 || c === 9;
function isEarlyBang(text, at) {
  if (at > 0 && !isBlank(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== 10) return false;
  let next2 = at + 1;
  if (!isBlank(text.charCodeAt(next2))) return false;
  while (isBlank(text.charCodeAt(next2))) next2++;
  return text.charCodeAt(next2) === 45;
}
var isWordEnd = (c) => isBlank(c) || c === 10 || c === 13 || Number.isNaN(c);
function bangBeforeZeroMask(text, at) {
  let k = at + 1;
  while (isBlank(text.charCodeAt(k))) k++;
  const second = text.charCodeAt(k + 1) === 45 ? text.charCodeAt(k + 2) : text.charCodeAt(k + 1);
  if (second !== 115 && second !== 100) return false;
  while (!isWordEnd(text.charCodeAt(k))) k++;
  while (isBlank(text.charCodeAt(k))) k++;
  for (let c = text.charCodeAt(k); c !== 47; c = text.charCodeAt(++k)) if (isWordEnd(c)) return false;
  const slash = k;
  for (let c = text.charCodeAt(++k); c === 48 || c === 46 || c === 58; c = text.charCodeAt(++k)) ;
  return k > slash + 1 && isWordEnd(text.charCodeAt(k));
}
var ADDRESS_OPTIONS = /* @__PURE__ */ new Set(["-s", "--source", "--src", "-d", "--destination", "--dst"]);
function reportNegatedEveryAddress(context, view, family) {
  let backend;
  for (let i = 0; i < view.count; i++) {
    if (!view.negated(i) || view.lateBang(i) || view.role(i) !== "generic") continue;
    const value = view.value(i);
    if (value === null || !ADDRESS_OPTIONS.has(view.name(i)) || !hasZeroMask(value, family)) continue;
    backend ??= context.model.backend();
    const written = `! ${view.name(i)} ${value}`;
    const message5 = `\`${written}\` matches no packet: iptables-nft-restore refuses the line ("RULE_APPEND failed (Invalid argument)"), iptables-legacy loads a rule that never matches`;
    const end = view.valueRange(i, 0)?.end ?? view.optionRange(i).end;
    context.report({ range: { start: (view.bangRange(i) ?? view.optionRange(i)).start, end }, message: message5, severity: backend === "nft" ? "error" : "warning" });
  }
}
function hasZeroMask(value, family) {
  return (family === null ? [4, 6] : [family]).some((f) => {
    const parsed = parseGenericAddresses(value, f);
    return parsed.kind === "value" && parsed.value.length === 1 && parsed.value[0].prefix === 0;
  });
}
function hasEarlyBang(view) {
  for (let i = 0; i < view.count; i++) if (view.negated(i) && !view.lateBang(i)) return true;
  return false;
}
function refusedOf(instance, view) {
  return instance.given.find((given) => {
    if (!view.negated(given.element) || view.lateBang(given.element)) return false;
    const all = instance.extension.options.filter((o) => o.names[0] === given.key);
    return all.length > 0 && all.every((o) => o.invert === false);
  });
}
function builtinRefusal(view, i) {
  const role = view.role(i);
  if (role === "jump" || role === "goto") return { what: "a jump", said: "cannot have ! before -j" };
  if (role === "match") return { what: "loading a match", said: "unexpected ! flag before --match" };
  if (role === "counters") return { what: "the counters", said: "cannot have ! before -c" };
  return null;
}
function refusalsOf(view, family) {
  const out = [];
  const rangeOf2 = (i) => ({ start: (view.bangRange(i) ?? view.optionRange(i)).start, end: view.optionRange(i).end });
  for (let i = 0; i < view.count; i++) {
    if (!view.negated(i) || view.lateBang(i)) continue;
    const builtin = builtinRefusal(view, i);
    if (builtin !== null) out.push({ element: i, range: rangeOf2(i), ...builtin });
  }
  let extensionBang = false;
  for (let i = 0; i < view.count && !extensionBang; i++) extensionBang = view.role(i) === "module" && view.negated(i) && !view.lateBang(i);
  if (!extensionBang) return out;
  const reading = readOptions(view, family);
  for (const instance of reading?.instances ?? []) {
    const given = refusedOf(instance, view);
    if (given !== void 0) out.push({ element: given.element, range: rangeOf2(given.element), what: "the option", said: `${instance.extension.name}: option "${given.key}" cannot be inverted.` });
  }
  return out.sort((a, b) => a.element - b.element);
}

// rules/duplicate-rule/rule.ts
var ID7 = "duplicate-rule";
var duplicateRule = {
  id: ID7,
  description: "a rule identical to an earlier rule of the same chain: it matches no packet the first did not, or does the same thing twice",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    for (const table of context.model.tables()) {
      for (const { earlier, later, chain } of table.chains.repeatedRules()) report2(context, table, earlier, later, chain);
    }
  }
};
function report2(context, table, earlier, later, chain) {
  const { document } = context;
  const line = document.line(later);
  const rule = line.rule;
  if (rule === null || !repeatable(rule)) return;
  for (let at = table.chains.previousRule(later); at !== NONE && at !== earlier; at = table.chains.previousRule(at)) {
    if (mayChangePacket(table, at)) return;
  }
  const deletable = line.command === "append" || line.command === "insert";
  context.report({
    range: line.range,
    message: message2(table.nameOf(chain), document.line(earlier), rule),
    fix: deletable ? { title: "delete the repeated rule", applicability: "unsafe", edits: [wholeLine(document, line)] } : void 0
  });
}
function repeatable(rule) {
  if (rule.matches.some((m) => m.name !== null && STATEFUL_MATCHES.has(m.name))) return false;
  const target = rule.target;
  if (target === null) return true;
  const option2 = (name) => target.option(name)?.value ?? null;
  switch (target.name) {
    case "MARK": {
      const effect = markTargetEffect(target);
      return effect !== null && (effect.value & ~effect.mask) === 0;
    }
    case "CONNMARK":
    case "TOS": {
      if (option2("--xor-mark") !== null || option2("--xor-tos") !== null) return false;
      const xmark = option2("--set-xmark") ?? option2("--set-tos");
      if (xmark === null) return true;
      const vm = parseValueMask(xmark) ?? (parseUint32(xmark) !== null ? { value: parseUint32(xmark), mask: 255 } : null);
      return vm !== null && (vm.value & ~vm.mask) === 0;
    }
    case "TTL":
    case "HL":
      return option2("--ttl-set") !== null || option2("--hl-set") !== null;
    default:
      return true;
  }
}
function mayChangePacket(table, line) {
  const target = table.targetName(line);
  if (target === void 0 || table.isGoto(line)) return false;
  const kind = targetClass(target);
  return kind !== "verdict" && kind !== "nat" && kind !== "return" && kind !== "observe";
}
function message2(chain, earlier, rule) {
  const target = rule.target;
  let effect;
  if (target === null) effect = "it only counts the same packets again";
  else if (target.kind === "goto" || isTerminalTarget(target.name) || target.name === "RETURN") {
    effect = `it never matches: that copy's \`${target.kind === "goto" ? "-g" : "-j"} ${target.name}\` takes its packets first`;
  } else if (target.name === "LOG" || target.name === "NFLOG" || target.name === "ULOG") {
    effect = "every packet it matches is logged twice";
  } else if (target.name === "MARK" || target.name === "CONNMARK") {
    effect = "it sets the same mark again";
  } else {
    effect = `the same packets go through \`-j ${target.name}\` a second time`;
  }
  return `This rule is ${lineOf(earlier)} of ${chain} again (iptables-save prints both alike), so ${effect}`;
}

// rules/dump-incomplete-table/rule.ts
var NEEDLE = "# Table ";
var ID8 = "dump-incomplete-table";
var WHOLE = /^# Table [`']([^'`]*)' is incompatible, use 'nft' tool\.\s*$/;
var BASE_CHAINS = /^# Table [`']([^'`]*)' contains incompatible base-chains, use 'nft' tool to list them\.\s*$/;
var dumpIncompleteTable = {
  id: ID8,
  description: "`# Table `nat' is incompatible, use 'nft' tool.` (or its base-chains form): iptables-nft-save left rules only nft can show out of the dump",
  severity: "warning",
  fixable: false,
  check(context) {
    for (const comment of commentLinesStarting(context.document, NEEDLE)) {
      const at = comment.start;
      const lineText = comment.text.trimEnd();
      const whole = WHOLE.exec(lineText);
      const chains = whole === null ? BASE_CHAINS.exec(lineText) : null;
      if (whole === null && chains === null) continue;
      context.report({
        range: { start: at, end: at + lineText.length },
        message: whole !== null ? `iptables-nft-save left table \`${whole[1]}\` out (it holds rules only \`nft\` can show): none of its rules is linted, and restoring this dump elsewhere loses the table` : `iptables-nft-save left base chains of table \`${chains[1]}\` out (only \`nft\` can show them): their rules also see packets, and neither lint nor restore has them`
      });
    }
  }
};

// rules/dump-unsupported-revision/rule.ts
var ID9 = "dump-unsupported-revision";
var PLACEHOLDER = "[unsupported revision]";
var dumpUnsupportedRevision = {
  id: ID9,
  description: "`[unsupported revision]` in a dumped rule: the iptables-save that wrote it could not print the rule's options, and iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document } = context;
    const { text, source } = document;
    const needle = PLACEHOLDER.slice(1);
    for (let found = text.indexOf(needle); found !== -1; found = text.indexOf(needle, found + needle.length)) {
      const at = found - 1;
      if (text.charCodeAt(at) !== 91 || text.charCodeAt(at - 1) !== 32) continue;
      const n = source.positionAt(at).line - 1;
      if (document.kindOf(n) !== "command") continue;
      const line = document.line(n);
      if (insideValue(line, at)) continue;
      context.report({
        range: { start: at, end: at + PLACEHOLDER.length },
        message: `${owner(line, at)} was dumped as \`${PLACEHOLDER}\`: the save tool lacks the kernel's revision, the options are lost, and iptables-restore refuses it`
      });
    }
  }
};
function insideValue(line, at) {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    for (let k = 0, range2 = view.valueRange(i, k); range2 !== null; range2 = view.valueRange(i, ++k)) {
      if (range2.start < at && at < range2.end) return true;
    }
  }
  return false;
}
function owner(line, at) {
  const view = line.view;
  let found = "a match or target";
  for (let i = 0; i < view.count && view.range(i).start < at; i++) {
    const role = view.role(i);
    if (role === "match" || role === "jump") found = `${role === "match" ? "match" : "target"} \`${view.value(i)}\``;
  }
  return found.charAt(0).toUpperCase() + found.slice(1);
}

// rules/forward-drop-strands-traffic/rule.ts
var ID10 = "forward-drop-strands-traffic";
var MAX_FLOWS = 8;
var MAX_SCANNED = 64;
var MAX_FORWARD_RULES = 256;
var MAX_INTERFACES = 6;
var MAX_TRACES = 400;
var OUTSIDE = { 4: ["198.51.100.7", "203.0.113.7", "192.0.2.77"], 6: ["2001:db8:ffff::7", "2001:db8:fffe::7"] };
var NODE = { 4: ["192.0.2.1", "192.0.2.201"], 6: ["2001:db8::1", "2001:db8::201"] };
var CLIENT = { 4: ["198.51.100.9", "203.0.113.9"], 6: ["2001:db8:ffff::9", "2001:db8:fffe::9"] };
var FRESH = "uplink0";
var forwardDropStrandsTraffic = {
  id: ID10,
  description: "FORWARD's policy is DROP and no FORWARD rule accepts traffic the dump shows the node forwards (a masqueraded bridge, the pod network, a DNATed port)",
  severity: "warning",
  fixable: false,
  check(context) {
    const { model, document } = context;
    const family = model.family()?.family ?? 4;
    const filter2 = model.tables().find((t) => t.table.name === "filter");
    const nat = model.tables().find((t) => t.table.name === "nat");
    if (filter2 === void 0 || nat === void 0 || filter2.partial) return;
    const deny = defaultDeny(filter2, "FORWARD");
    if (deny === null || !isPolicy(deny.deny)) return;
    const flows = flowsOf(model, document, nat, family);
    if (flows.length === 0) return;
    const forward = forwardRules(filter2, family);
    if (forward === null) return;
    const bridges = bridgeRoutes(model, family);
    const budget = { traces: 0 };
    for (const flow of flows) {
      const foreign = flow.kind === "from" ? bridges.filter((b) => !overlaps(b.net, flow.net)).map((b) => b.dev) : [];
      const stranded = strands(document, family, flow, { ...forward, interfaces: forward.interfaces.filter((i) => !foreign.includes(i)), foreign }, budget);
      if (stranded === null) return;
      if (!stranded) continue;
      const policy = `FORWARD's DROP policy (line ${deny.deny.index + 1})`;
      const message5 = flow.kind === "dnat" ? `Connections to ${protocolName(flow.protocol)} port ${flow.port}, DNATed here to ${flow.to}, are dropped by ${policy}: no FORWARD rule accepts them` : flow.why === "pods" ? `New connections from the pod network ${formatNet(family, flow.net)} (kube-proxy's \`! -s\` here) are dropped by ${policy}: no FORWARD rule accepts them` : `New connections from ${formatNet(family, flow.net)}, which this rule ${flow.evidence.target?.name === "SNAT" ? "SNATs" : "masquerades"}, are dropped by ${policy}: no FORWARD rule accepts them`;
      context.report({ range: flow.evidence.range, message: message5 });
    }
  }
};
var isPolicy = (deny) => deny.kind === "chain" || deny.command === "policy";
function flowsOf(model, document, nat, family) {
  const flows = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (key, flow) => {
    if (flows.length < MAX_FLOWS && !seen.has(key)) {
      seen.add(key);
      flows.push(flow);
    }
  };
  const natLines = (lines, hook, visit, filterLine = () => true) => {
    let scanned = 0;
    for (let k = 0; k < lines.length && scanned < MAX_SCANNED && flows.length < MAX_FLOWS; k++) {
      const n = lines[k];
      const chain = nat.chainOf(n);
      if (chain === NONE || !nat.chains.keeps(n) || !filterLine(n)) continue;
      scanned++;
      if (!nat.hooks.reaches(hook, chain)) continue;
      visit(document.line(n));
    }
  };
  const bits = family === 4 ? 32 : 128;
  for (const target of ["MASQUERADE", "SNAT"]) {
    natLines(model.lines.linesTargeting(target), "POSTROUTING", (line) => {
      const m = readMatches(line, family);
      const source = m.sources.find((s) => !s.negated && s.nets.length === 1);
      const net = source?.nets[0];
      if (m.unread || net === void 0 || net.prefix === null || net.prefix === 0 || net.prefix >= bits - 1) return;
      const bridge = m.outInterface?.negated === true && !m.outInterface.name.endsWith("+") ? m.outInterface.name : null;
      add(`from ${formatNet(family, net)}`, { kind: "from", evidence: line, net, bridge, why: "masquerade" });
    });
  }
  natLines(nat.linesTargeting("KUBE-MARK-MASQ"), "PREROUTING", (line) => {
    const m = readMatches(line, family);
    const source = m.sources.find((s) => s.negated && s.nets.length === 1);
    const net = source?.nets[0];
    if (m.unread || net === void 0 || net.prefix === null || net.prefix === 0 || net.prefix >= bits - 1) return;
    add(`from ${formatNet(family, net)}`, { kind: "from", evidence: line, net, bridge: null, why: "pods" });
  }, (n) => {
    const text = document.text.slice(nat.ruleTextStart(n), nat.ruleTextEnd(n));
    return text.includes("! -s ") || text.includes("! --source ");
  });
  natLines(
    model.lines.linesTargeting("DNAT"),
    "PREROUTING",
    (line) => {
      const m = readMatches(line, family);
      if (m.unread || m.protocol === null || m.protocolNegated || m.destinationPorts?.length !== 1 || m.destinationPortsNegated || m.toDestination === null) return;
      const port = m.destinationPorts[0].min;
      const to = m.toDestination.startsWith("[") ? m.toDestination.slice(1, m.toDestination.indexOf("]")) : family === 4 ? m.toDestination.split(":")[0] : m.toDestination;
      const address = parseAddress(to.split("-")[0]);
      if (address === null || address.family !== family || (family === 4 ? address.address >> 24n === 127n : address.address === 1n)) return;
      const destination = m.destinations.find((d) => !d.negated && d.nets.length === 1 && d.nets[0].exact === true)?.nets[0].network ?? null;
      add(`dnat ${m.protocol} ${port} ${m.toDestination}`, { kind: "dnat", evidence: line, protocol: m.protocol, port, to: m.toDestination, destination, inInterface: m.inInterface });
    },
    (n) => model.lines.uses(n, "--dport") || model.lines.uses(n, "--destination-port")
  );
  return flows;
}
function forwardRules(filter2, family) {
  const accepts = [];
  const interfaces = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set(["FORWARD"]);
  const queue = ["FORWARD"];
  let rules = 0;
  while (queue.length > 0) {
    const chain = filter2.chains.get(queue.pop());
    for (const rule of chain?.rules ?? []) {
      if (++rules > MAX_FORWARD_RULES) return null;
      const m = readMatches(rule, family);
      if (m.inInterface !== null && !m.inInterface.negated) interfaces.add(m.inInterface.name.replace(/\+$/, "0"));
      const target = rule.target?.name;
      if (target === "ACCEPT") accepts.push(m);
      else if (target !== void 0 && filter2.chains.isUserChain(target) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  if (interfaces.size > MAX_INTERFACES) return null;
  return { accepts, interfaces: [...interfaces] };
}
function strands(document, family, flow, forward, budget) {
  const packets = packetsOf(family, flow, forward);
  if (packets === null) return false;
  let inFlow = 0;
  const tried = /* @__PURE__ */ new Set();
  for (const { input, route } of packets) {
    const key = `${input.protocol} ${input.source} ${input.destination}:${input.destinationPort} ${input.inInterface}`;
    if (tried.has(key)) continue;
    tried.add(key);
    if (++budget.traces > MAX_TRACES) return null;
    const node = dumpNode(family, nodeAddress(family, flow, input), route);
    let outcomes;
    try {
      outcomes = tracePacket([document], input, node, { family }).outcomes;
    } catch (error) {
      if (error instanceof TraceError) return false;
      throw error;
    }
    if (flow.kind === "dnat") {
      const taken = outcomes.filter((o) => o.path.some((s) => s.line === flow.evidence.index + 1 && s.table === "nat"));
      if (taken.length === 0) continue;
      if (taken.length !== outcomes.length) return false;
    }
    inFlow++;
    if (outcomes.length === 0 || !outcomes.every((o) => droppedByPolicy(o, "filter", "FORWARD"))) return false;
  }
  return inFlow > 0;
}
function nodeAddress(family, flow, input) {
  if (flow.kind === "dnat") return parseAddress(input.destination).address;
  const avoid = [flow.net, ...[input.source, input.destination].map((a) => ({ network: parseAddress(a).address, mask: (1n << BigInt(family === 4 ? 32 : 128)) - 1n, prefix: family === 4 ? 32 : 128, exact: true }))];
  return addressOutside(family, avoid, NODE[family]) ?? parseAddress(NODE[family][1]).address;
}
var single = (family, address) => ({ network: address, mask: (1n << BigInt(family === 4 ? 32 : 128)) - 1n, prefix: family === 4 ? 32 : 128, exact: true });
function packetsOf(family, flow, forward) {
  const probes = [];
  const interfacesFor = (fixed, shapedBy) => {
    if (fixed !== null) return [fixed];
    if (shapedBy?.inInterface != null && !shapedBy.inInterface.negated) {
      const name = shapedBy.inInterface.name.replace(/\+$/, "0");
      return forward.foreign?.includes(name) ? [] : [name];
    }
    const all = [FRESH, ...forward.interfaces];
    const negatedIn = shapedBy?.inInterface?.negated === true ? shapedBy.inInterface.name : null;
    return all.filter((name) => name !== negatedIn && (flow.kind !== "dnat" || flow.inInterface === null || (flow.inInterface.negated ? name !== flow.inInterface.name : name === flow.inInterface.name)));
  };
  const make = (protocol, source, destination2, port, iface) => {
    const name = protocolName(protocol);
    const ported = name === "tcp" || name === "udp" || name === "sctp";
    return {
      family,
      protocol: name,
      protocolNumber: protocol,
      source: formatAddress(family, source),
      destination: formatAddress(family, destination2),
      sourcePort: ported ? 4e4 : null,
      destinationPort: ported ? port : null,
      icmpType: name === "icmp" ? 8 : name === "icmpv6" ? 128 : null,
      icmpCode: name === "icmp" || name === "icmpv6" ? 0 : null,
      inInterface: iface,
      state: "new"
    };
  };
  if (flow.kind === "from") {
    const baseSource = hostOf(family, flow.net);
    const baseDestination = addressOutside(family, [flow.net], OUTSIDE[family]);
    if (baseDestination === null) return null;
    const route = (destination2) => flow.bridge !== null && inNet(destination2, flow.net) ? { net: flow.net, dev: flow.bridge } : null;
    for (const iface of interfacesFor(flow.bridge, null)) probes.push({ input: make(6, baseSource, baseDestination, 443, iface), route: route(baseDestination) });
    for (const w of forward.accepts) {
      const source = pickAddress(family, w.sources, flow.net, baseSource, true);
      const destination2 = pickAddress(family, w.destinations, flow.net, baseDestination, false);
      if (source === "unsure" || destination2 === "unsure") return null;
      if (source === "none" || destination2 === "none") continue;
      const shaped = shape(w);
      if (shaped === null) return null;
      for (const iface of interfacesFor(flow.bridge, w)) probes.push({ input: make(shaped.protocol, source, destination2, shaped.port, iface), route: route(destination2) });
    }
    return probes;
  }
  const destination = flow.destination ?? addressOutside(family, [], NODE[family]);
  const client = addressOutside(family, [single(family, destination)], CLIENT[family]);
  const fixedIn = flow.inInterface !== null && !flow.inInterface.negated ? flow.inInterface.name.replace(/\+$/, "0") : null;
  for (const iface of interfacesFor(fixedIn, null)) probes.push({ input: make(flow.protocol, client, destination, flow.port, iface), route: null });
  for (const w of forward.accepts) {
    const positive = w.sources.find((s) => !s.negated && s.nets.length > 0);
    let source = client;
    if (positive !== void 0) {
      const net = positive.nets[0];
      source = hostOf(family, net);
      if (source === destination) continue;
    } else if (w.sources.some((s) => s.negated && s.nets.some((n) => inNet(client, n)))) {
      const other = addressOutside(family, [single(family, destination), ...w.sources.flatMap((s) => s.nets)], CLIENT[family]);
      if (other === null) return null;
      source = other;
    }
    for (const iface of interfacesFor(fixedIn, w)) probes.push({ input: make(flow.protocol, source, destination, flow.port, iface), route: null });
  }
  return probes;
}
function shape(w) {
  let protocol = 6;
  if (w.protocol !== null) {
    if (w.protocolNegated) protocol = w.protocol === 6 ? 17 : 6;
    else protocol = w.protocol;
  }
  let port = 443;
  if (w.destinationPorts !== null) {
    if (!w.destinationPortsNegated) port = w.destinationPorts[0].min;
    else {
      const taken = (p) => w.destinationPorts.some((r) => p >= r.min && p <= r.max);
      const free = [443, 80, 8080, 1, 65535].find((p) => !taken(p));
      if (free === void 0) return null;
      port = free;
    }
  }
  return { protocol, port };
}
function pickAddress(family, matches, flowNet, base, inside) {
  let address = base;
  const positive = matches.filter((m) => !m.negated);
  const negative = matches.filter((m) => m.negated).flatMap((m) => m.nets);
  if (positive.length > 1) return "unsure";
  if (positive.length === 1) {
    const nets = positive[0].nets.filter((n) => inside ? overlaps(n, flowNet) : !within(n, flowNet));
    if (nets.length === 0) return "none";
    const net = nets[0];
    if (inside) address = within(net, flowNet) ? hostOf(family, net) : base;
    else {
      address = net.exact === true ? net.network : hostOf(family, net);
      if (inNet(address, flowNet)) return "unsure";
    }
  }
  if (negative.some((n) => inNet(address, n))) {
    if (inside && negative.some((n) => within(flowNet, n))) return "none";
    if (positive.length === 1 || inside) return "unsure";
    const other = addressOutside(family, [flowNet, ...negative], OUTSIDE[family]);
    return other ?? "unsure";
  }
  return address;
}

// rules/foreign-jump-into-kube-chain/rule.ts
var ID11 = "foreign-jump-into-kube-chain";
var KUBE_PRIVATE = ["KUBE-MARK-MASQ", "KUBE-MARK-DROP"];
var foreignJumpIntoKubeChain = {
  id: ID11,
  description: "a chain kube-proxy did not write (CNI portmap, CRI-O hostports, hand-written) jumps to KUBE-MARK-MASQ or KUBE-MARK-DROP, which are kube-proxy's own since KEP-3178",
  severity: "warning",
  fixable: false,
  check(context) {
    for (const table of context.model.tables()) checkTable(context, table);
  }
};
function checkTable(context, table) {
  const targets = /* @__PURE__ */ new Map();
  for (const name of KUBE_PRIVATE) {
    const id = table.idOf(name);
    if (id !== NONE && (table.chains.get(name) !== void 0 || table.partial)) targets.set(id, name);
  }
  if (targets.size === 0) return;
  const lines = table.partial ? [...targets.values()].flatMap((name) => table.linesTargeting(name)).sort((a, b) => a - b) : foreignChains(table).flatMap((chain) => table.ruleLinesOf(chain));
  for (const n of lines) {
    const to = table.targetOf(n);
    const target = to === NONE ? void 0 : targets.get(to);
    const chain = table.chainOf(n);
    if (target === void 0 || chain === NONE || isKubeChain(table, chain)) continue;
    const line = context.document.line(n);
    if (line.command === "delete") continue;
    const ref = table.target(line);
    context.report({ range: ref !== null ? { start: ref.start, end: ref.end } : line.range, message: messageOf(table.nameOf(chain), target) });
  }
}
var messageOf = (from, target) => target === "KUBE-MARK-MASQ" ? `\`${from}\` jumps to kube-proxy's KUBE-MARK-MASQ: without kube-proxy in iptables or IPVS mode the chain is gone and the rule fails to load` : `\`${from}\` jumps to KUBE-MARK-DROP, which Kubernetes stopped creating (kubelet 1.27): the rule fails to load, or its mark drops nothing`;
var isKubeChain = (table, chain) => table.nameStartsWith(chain, "KUBE-");
function foreignChains(table) {
  const chains = [];
  for (const name of table.builtins) {
    const id = table.idOf(name);
    if (id !== NONE) chains.push(id);
  }
  for (const chain of table.chains.userChains()) if (!isKubeChain(table, chain)) chains.push(chain);
  return chains;
}

// rules/icmpv6-nd-blocked/rule.ts
var ID12 = "icmpv6-nd-blocked";
var ND_TYPES = [
  { type: 135, name: "neighbour solicitations" },
  { type: 136, name: "neighbour advertisements" }
];
var DEPTH2 = 8;
var icmpv6NdBlocked = {
  id: ID12,
  description: "an ip6tables INPUT or OUTPUT that denies by default with no ACCEPT for neighbour discovery (ICMPv6 135, 136): IPv6 stops working",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    if (context.model.family()?.family !== 6) return;
    for (const table of context.model.tables()) {
      if (table.table.name !== "filter") continue;
      for (const chain of ["INPUT", "OUTPUT"]) checkChain(context, table, chain);
    }
  }
};
function checkChain(context, table, chain) {
  const found = defaultDeny(table, chain);
  if (found === null) return;
  const blocked = [];
  let at = found.deny;
  for (const nd of ND_TYPES) {
    const path = acceptPath(table, found.before, nd.type, chain, DEPTH2);
    if (path === true) continue;
    blocked.push(nd);
    if (path !== false && (at.kind === "chain" || at.command === "policy" || path.index < at.index)) at = path;
  }
  if (blocked.length === 0) return;
  const what = blocked.length === 2 ? "neighbour solicitations and advertisements (135, 136)" : `${blocked[0].name} (${blocked[0].type})`;
  const where = at.kind === "chain" || at.command === "policy" ? `${chain}'s policy DROP` : `this ${at.target?.name ?? "DROP"}`;
  const message5 = `${chain === "INPUT" ? "ICMPv6" : "Outgoing ICMPv6"} ${what} meet ${where} unaccepted: no neighbour resolves, so IPv6 fails on every link`;
  const edits = at.kind === "command" && at.chain !== chain ? null : ndAccepts(context, table, chain, at, blocked);
  context.report({
    range: at.range,
    message: message5,
    fix: edits === null ? void 0 : { title: `accept ICMPv6 ${blocked.map((nd) => nd.type).join(" and ")} in ${chain} before the deny`, applicability: "unsafe", edits }
  });
}
function acceptPath(table, rules, type, chain, depth) {
  for (const line of rules) {
    const match = mayMatch(line, type, chain);
    if (match === "no") continue;
    const target = line.target;
    if (target === null) continue;
    if (target.name === "ACCEPT") return true;
    if (target.name === "DROP" || target.name === "REJECT") {
      if (match === "surely") return line;
      continue;
    }
    if (table.chains.isUserChain(target.name)) {
      if (depth === 0) return true;
      const inner = acceptPath(table, table.chains.get(target.name)?.rules ?? [], type, chain, depth - 1);
      if (inner === true) return true;
      if (inner !== false && match === "surely") return inner;
      if (target.kind === "goto" && match === "surely") return false;
      continue;
    }
    if (target.name === "RETURN") {
      if (match === "surely") return false;
      continue;
    }
    const kind = targetClass(target.name);
    if (kind === "observe" || kind === "change") continue;
    return true;
  }
  return false;
}
function mayMatch(line, type, chain) {
  const rule = line.rule;
  if (rule === null) return "maybe";
  if (isUnconditional(line)) return "surely";
  let sure = true;
  for (const option2 of rule.generic) {
    const verdict = genericMatches(option2, chain);
    if (verdict === "no") return "no";
    if (verdict === "maybe") sure = false;
  }
  for (const match of rule.matches) {
    const verdict = moduleMatches(match, type);
    if (verdict === "no") return "no";
    if (verdict === "maybe") sure = false;
  }
  return sure ? "surely" : "maybe";
}
var negate2 = (matches, option2) => matches !== option2.negated ? "surely" : "no";
function genericMatches(option2, chain) {
  const value = option2.value;
  switch (option2.name) {
    case "-p":
    case "--protocol": {
      if (value === null) return "maybe";
      const protocol = normalizeProtocol(value);
      return negate2(protocol === "ipv6-icmp" || ANY_PROTOCOL.has(protocol), option2);
    }
    case "-i":
    case "--in-interface":
    case "-o":
    case "--out-interface": {
      const inbound = option2.name === "-i" || option2.name === "--in-interface";
      if (inbound !== (chain === "INPUT")) return "maybe";
      if (value === "lo") return option2.negated ? "maybe" : "no";
      return "maybe";
    }
    case "-s":
    case "--source":
    case "--src":
    case "-d":
    case "--destination":
    case "--dst":
      if (value === "::1" || value === "::1/128") return option2.negated ? "maybe" : "no";
      return "maybe";
    default:
      return "maybe";
  }
}
var isIcmpv6Match = (name) => name !== null && (name === "icmp6" || normalizeProtocol(name) === "ipv6-icmp");
function moduleMatches(match, type) {
  if (match.name === "comment") return "surely";
  let sure = true;
  for (const option2 of match.options) {
    if (isIcmpv6Match(match.name) && option2.name !== "--icmpv6-type") return "no";
    const verdict = optionMatches(option2, type);
    if (verdict === "no") return "no";
    if (verdict === "maybe") sure = false;
  }
  return sure && (isIcmpv6Match(match.name) || ["conntrack", "state", "hl"].includes(match.name ?? "")) ? "surely" : "maybe";
}
function optionMatches(option2, type) {
  const value = option2.value;
  if (value === null) return "maybe";
  switch (option2.name) {
    case "--icmpv6-type": {
      const parsed = parseIcmpType(value, 6);
      if (parsed.kind !== "value") return "maybe";
      return negate2(parsed.value.type === type && parsed.value.codeMin === 0, option2);
    }
    case "--ctstate":
    case "--state": {
      const parsed = parseState(value);
      if (parsed.kind !== "value") return "maybe";
      return negate2(parsed.value.has("UNTRACKED"), option2);
    }
    case "--hl-eq":
      return negate2(Number(value) === 255, option2);
    case "--hl-lt":
      return negate2(255 < Number(value), option2);
    case "--hl-gt":
      return negate2(255 > Number(value), option2);
    default:
      return "maybe";
  }
}
function ndAccepts(context, table, chain, deny, blocked) {
  if (!table.appendOnly) return null;
  const { document } = context;
  const { lineStarts, lineCount } = document.source.lexed;
  const eol = deny.eol || "\n";
  const text = blocked.map((nd) => `-A ${chain} -p ipv6-icmp -m icmp6 --icmpv6-type ${nd.type} -m hl --hl-eq 255 -j ACCEPT${eol}`).join("");
  if (deny.kind === "command" && deny.command === "append") return [{ start: lineStarts[deny.index], end: lineStarts[deny.index], text }];
  if (deny.kind === "command") return null;
  const rules = table.chains.get(chain)?.rules ?? [];
  const after = rules.length > 0 ? rules[rules.length - 1] : null;
  if (after !== null) {
    const next2 = after.index + 1 < lineCount ? lineStarts[after.index + 1] : void 0;
    return next2 === void 0 || after.eol === "" ? null : [{ start: next2, end: next2, text }];
  }
  const commit = table.table.commit;
  return commit === null ? null : [{ start: lineStarts[commit.index], end: lineStarts[commit.index], text }];
}

// rules/ipv6-left-open/rule.ts
var ID13 = "ipv6-left-open";
var MAY_DROP = ["DROP", "REJECT", "QUEUE", "NFQUEUE", "SYNPROXY", "TPROXY", "TEE"];
var ipv6LeftOpen = {
  id: ID13,
  description: "the node's IPv4 INPUT denies by default but its IPv6 ruleset accepts everything: the node is open over IPv6",
  severity: "warning",
  fixable: false,
  check() {
  },
  checkNode(context) {
    const v6 = context.rulesets.filter((r) => r.family === 6);
    if (v6.length === 0 || !v6.every((r) => acceptsEverything(r.model))) return;
    for (const v4 of context.rulesets.filter((r) => r.family === 4)) {
      const filter2 = v4.model.tables().find((t) => t.table.name === "filter" && !t.partial);
      const deny = filter2 === void 0 ? null : defaultDeny(filter2, "INPUT");
      if (deny === null) continue;
      context.report(v4, {
        range: deny.deny.range,
        message: `IPv4 INPUT denies by default here, but the node's IPv6 ruleset ${names(v6)} accepts everything: the node is open over IPv6`
      });
    }
  }
};
function acceptsEverything(model) {
  for (const table of model.tables()) {
    if (table.table.name === null && table.table.commandCount === 0 && table.table.chainCount === 0) continue;
    if (table.partial || table.missingJumps.length > 0) return false;
    if (table.policyDeclarations.some((d) => d.policy === "DROP")) return false;
    if (table.policyCommands.some((c) => c.positional[1]?.value === "DROP")) return false;
    if (MAY_DROP.some((target) => table.linesTargeting(target).length > 0)) return false;
  }
  return true;
}
var names = (rulesets) => rulesets.map((r) => `\`${(r.document.filePath ?? "<stdin>").split(/[\\/]/).pop()}\``).join(" and ");

// rules/inline-option-value/rule.ts
var ID14 = "inline-option-value";
var REFUSED = {
  "--source": { what: "the address", says: hostNotFound },
  "--src": { what: "the address", says: hostNotFound },
  "--destination": { what: "the address", says: hostNotFound },
  "--dst": { what: "the address", says: hostNotFound },
  "--in-interface": { what: "the interface", says: interfaceTooLong },
  "--out-interface": { what: "the interface", says: interfaceTooLong },
  "--protocol": { what: "the protocol", says: (word) => `"unknown protocol "${word}" specified"` },
  "--jump": {
    what: "the target",
    says: (word) => `"Chain '${word}' does not exist" (nft), "Couldn't load target \`${word}'" (legacy)`
  },
  "--fragment": { what: "an option name", says: unknownOption },
  "--fragments": { what: "an option name", says: unknownOption },
  "--ipv4": { what: "an option name", says: unknownOption },
  "--ipv6": { what: "an option name", says: unknownOption }
};
var GLUED = {
  "-s": REFUSED["--source"],
  "-d": REFUSED["--destination"],
  "-p": REFUSED["--protocol"],
  "-j": REFUSED["--jump"],
  "-i": REFUSED["--in-interface"],
  "-o": REFUSED["--out-interface"]
};
var INTERFACE_NAME_BYTES = 15;
var NO_VALUE = /* @__PURE__ */ new Set(["--fragment", "--fragments", "--ipv4", "--ipv6"]);
function hostNotFound(word) {
  return `"host/network \`${word}' not found"`;
}
function interfaceTooLong(word) {
  return `"interface name \`${word}' must be shorter than IFNAMSIZ (15)"`;
}
function unknownOption(word) {
  return `"unknown option "${word}""`;
}
var inlineOptionValue = {
  id: ID14,
  description: "a value joined with `=` to `--source`, `--destination`, `--in-interface`, `--out-interface`, `--protocol` or `--jump`, or in one word with `-s`, `-d`, `-p`, `-j` (`-s10.0.0.1`), which iptables-restore refuses (fix: a space)",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const line of linesWithEquals(context.document)) checkLine2(context, line);
    const { document, model } = context;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || !hasGluedValue(line.view)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = document.line(n);
        if (like.kind === "command") checkGlued(context, like);
      }
    }
  }
};
function hasGluedValue(view) {
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "module") continue;
    const name = view.name(i);
    if (name.length > 2 && name.charCodeAt(1) !== 45 && Object.hasOwn(GLUED, name.slice(0, 2))) return true;
  }
  return false;
}
function checkGlued(context, line) {
  const view = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "module") continue;
    const word = view.name(i);
    const option2 = word.slice(0, 2);
    if (word.length <= 2 || word.charCodeAt(1) === 45 || !Object.hasOwn(GLUED, option2)) continue;
    if ((option2 === "-i" || option2 === "-o") && Buffer.byteLength(word) <= INTERFACE_NAME_BYTES) continue;
    if (option2 === "-j" && isDeclaredChain(context.model, line, word)) continue;
    const range2 = view.optionRange(i);
    const raw = text.slice(range2.start, range2.end);
    const refused = GLUED[option2];
    const fixable = !raw.includes('"') && raw[2] !== "=";
    context.report({
      range: range2,
      message: `\`${raw}\`: iptables-restore takes the whole word as ${refused.what} and refuses it (${refused.says(word)})`,
      fix: fixable ? { title: `write ${option2} ${raw.slice(2)}`, applicability: "safe", edits: [{ start: range2.start + 2, end: range2.start + 2, text: " " }], ruleId: ID14 } : void 0
    });
  }
}
function isDeclaredChain(model, line, name) {
  const table = model.tableOf(line.table);
  return table !== void 0 && table.declarationsOf(name).length > 0;
}
function linesWithEquals(document) {
  const { text, source } = document;
  const { lineStarts, lineCount } = source.lexed;
  const found = [];
  for (let at = text.indexOf("="); at !== -1; ) {
    const index = source.positionAt(at).line - 1;
    if (index >= lineCount) break;
    const line = document.line(index);
    if (line.kind === "command") found.push(line);
    at = index + 1 < lineCount ? text.indexOf("=", lineStarts[index + 1]) : -1;
  }
  return found;
}
function checkLine2(context, line) {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role !== "generic" && role !== "jump") continue;
    const range2 = view.optionRange(i);
    const raw = line.source.text.slice(range2.start, range2.end);
    const name = view.name(i);
    const refused = REFUSED[name];
    if (refused === void 0 || !raw.includes("=")) continue;
    const word = decodeWord(raw);
    if (name === "--jump" && isDeclaredChain(context.model, line, word)) continue;
    const equals = raw.indexOf("=");
    const value = raw.slice(equals + 1);
    const fixable = !NO_VALUE.has(name) && value !== "" && !raw.includes('"');
    context.report({
      range: range2,
      message: `\`${raw}\`: iptables-restore takes the whole word as ${refused.what} and refuses it (${refused.says(word)})`,
      fix: fixable ? {
        title: `write ${name} ${value}`,
        applicability: "safe",
        edits: [{ start: range2.start + equals, end: range2.start + equals + 1, text: " " }],
        ruleId: ID14
      } : void 0
    });
  }
}

// rules/invalid-option-value/checkers.ts
var OK = { kind: "ok" };
var Checker = class {
  constructor(option2, words2, parse2, surelyFine = NEVER_SURE) {
    this.option = option2;
    this.words = words2;
    this.parse = parse2;
    this.surelyFine = surelyFine;
    this.seen = /* @__PURE__ */ new Map();
  }
  /** The verdict of a one-word value. */
  check(word) {
    let verdict = this.seen.get(word);
    if (verdict === void 0) {
      if (this.seen.size >= MAX_WORDS_KEPT) this.seen.clear();
      verdict = this.parse([word]);
      this.seen.set(word, verdict);
    }
    return verdict;
  }
  /**
   * The verdict of the value's words (as many as `words`). None: "ok", the grammar reports a
   * missing value. One of two: the extension finds no second word (the next is an option, a `!`
   * or nothing) and says so (libxt_tcp.c: "--tcp-flags requires two args.").
   */
  checkWords(words2) {
    if (words2.length === 0) return OK;
    if (words2.length < this.words) return { kind: "refused", message: `${this.option} requires two args.` };
    return this.words === 1 ? this.check(words2[0]) : this.parse(words2);
  }
};
var MAX_WORDS_KEPT = 1e5;
var NEVER_SURE = () => false;
var withinLength = (min, limit) => (_text, start, end, quoted) => (end - start) * 3 <= limit && (quoted ? min === 0 : end - start >= min);
function plainIpv4(text, start, end, quoted) {
  if (quoted) return false;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let slash = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 3 || slash && digits === 1 && part === 0) return false;
      part = part * 10 + c - 48;
      digits++;
    } else if (c === 46 && !slash && dots < 3 && digits > 0 && part <= 255) {
      dots++;
      part = 0;
      digits = 0;
    } else if (c === 47 && !slash && dots === 3 && digits > 0 && part <= 255) {
      slash = true;
      part = 0;
      digits = 0;
    } else return false;
  }
  return dots === 3 && digits > 0 && part <= (slash ? 32 : 255);
}
function verdictOf(results, cuts) {
  const first2 = results[0];
  if (first2.kind === "refused") {
    for (const r of results) if (r.kind !== "refused" || r.message !== first2.message) return OK;
    return { kind: "refused", message: first2.message.trimEnd() };
  }
  if (!cuts || first2.kind !== "value") return OK;
  const value = first2.value;
  if (value.truncated !== true) return OK;
  for (const r of results) if (r.kind !== "value") return OK;
  return { kind: "cut", kept: value.bytes ?? 0 };
}
var OTHER_RULES_MESSAGES = /* @__PURE__ */ new Set([
  // multiport-too-many-ports
  "too many ports specified",
  // option-needs-protocol: a NAT port without `-p tcp` (udp, sctp, dccp)
  "Need TCP, UDP, SCTP or DCCP with port specification"
]);
var checkers = /* @__PURE__ */ new Map();
function memo(key, make) {
  let checker = checkers.get(key);
  if (checker === void 0) {
    checker = make();
    checkers.set(key, checker);
  }
  return checker;
}
var familiesOf = (family) => family === null ? [4, 6] : [family];
var GENERIC_SPELLINGS = {
  "-p": "-p",
  "--protocol": "-p",
  "-s": "-s",
  "--source": "-s",
  "--src": "-s",
  "-d": "-d",
  "--destination": "-d",
  "--dst": "-d",
  "-i": "-i",
  "--in-interface": "-i",
  "-o": "-o",
  "--out-interface": "-o"
};
function genericKind(spelling) {
  const exact = GENERIC_SPELLINGS[spelling];
  if (exact !== void 0) return exact;
  if (!spelling.startsWith("--") || spelling.length < 3) return null;
  const longs = GLOBAL_LONG_OPTIONS.filter((o) => o.startsWith(spelling));
  return longs.length === 1 ? GENERIC_SPELLINGS[longs[0]] ?? null : null;
}
function genericChecker(kind, family) {
  return memo(`generic:${kind}:${family ?? "?"}`, () => {
    const families = familiesOf(family);
    const parse2 = kind === "-p" ? (w) => verdictOf([parseGenericProtocol(w)], false) : kind === "-s" || kind === "-d" ? (w) => verdictOf(families.map((f) => parseGenericAddresses(w, f)), false) : (w) => verdictOf([parseGenericInterface(w)], false);
    return new Checker(kind, 1, (words2) => parse2(words2[0]), (kind === "-s" || kind === "-d") && family !== 6 ? plainIpv4 : NEVER_SURE);
  });
}
var OWN_LENGTHS = { "ext:comment:comment": { min: 0, limit: 255 }, "ext:LOG:log-prefix": { min: 1, limit: 29 } };
function parserOf(extension, option2, family, protocol) {
  if (option2.type === "ext:tcp:tcp-flags") return { parse: (w) => parseTcpFlags(w[0], w[1]), own: true, words: 2 };
  for (const name of option2.names) {
    const own = extensionParser(extension.name, name);
    if (own !== void 0) return { parse: (w) => own(w[0], family, protocol), own: true, words: 1, length: OWN_LENGTHS[`ext:${extension.name}:${name.slice(2)}`] };
  }
  if (option2.type.startsWith("ext:")) {
    const own = EXTENSION_PARSERS.get(option2.type);
    return own === void 0 ? null : { parse: (w) => own(w[0], family, protocol), own: true, words: 1 };
  }
  if (!XT_TYPES.includes(option2.type)) return null;
  const spec = { extension: extension.name, option: option2.names[0].replace(/^--/, ""), min: option2.min, max: option2.max, size: option2.size };
  if (option2.type === "STRING") {
    if (!option2.min && !option2.max) return null;
    return { parse: (w) => parseValue("STRING", w[0], spec, family), own: false, words: 1, length: { min: option2.min ?? 0, limit: option2.max || Infinity } };
  }
  return { parse: (w) => parseValue(option2.type, w[0], spec, family), own: false, words: 1 };
}
function optionChecker(extension, name, family, protocol) {
  const multiport = extension.name === "multiport" || PROTOCOL_READING_TARGETS.has(extension.name);
  return memo(`${extension.kind}:${extension.name}:${name}:${family ?? "?"}:${multiport ? protocol ?? "" : ""}`, () => {
    const parsers = [];
    for (const f of familiesOf(family)) {
      if (!extension.families.includes(f)) return null;
      const option2 = findOption(extension, name, f);
      if (option2 === void 0 || !option2.value) return null;
      const parser2 = parserOf(extension, option2, f, protocol);
      if (parser2 === null) return null;
      parsers.push(parser2);
    }
    const words2 = parsers[0].words;
    const cuts = parsers[0].own;
    const length = parsers.every((p) => p.length !== void 0) ? parsers[0].length : void 0;
    return new Checker(
      name,
      words2,
      (w) => {
        if (w.length < words2) return OK;
        const verdict = verdictOf(parsers.map((p) => p.parse(w)), cuts);
        return verdict.kind === "refused" && OTHER_RULES_MESSAGES.has(verdict.message) ? OK : verdict;
      },
      length === void 0 ? NEVER_SURE : withinLength(length.min, length.limit)
    );
  });
}
function ownerOf(spelling, loaded, family) {
  for (let k = loaded.length - 1; k >= 0; k--) {
    if (optionsOf(loaded[k], family).some((o) => o.names.includes(spelling))) return { extension: loaded[k], name: spelling };
  }
  if (GLOBAL_LONG_OPTIONS.some((o) => o.startsWith(spelling))) return "unclear";
  let found = null;
  for (let k = loaded.length - 1; k >= 0; k--) {
    for (const option2 of optionsOf(loaded[k], family)) {
      const name = option2.names.find((n) => n.startsWith(spelling));
      if (name === void 0) continue;
      if (found !== null && (found.extension !== loaded[k] || found.id.names[0] !== option2.names[0])) return "unclear";
      found = { extension: loaded[k], name: option2.names[0], id: option2 };
    }
  }
  return found === null ? "none" : { extension: found.extension, name: found.name };
}
function checkersOf(view, family) {
  const out = new Array(view.count).fill(null);
  const loaded = [];
  let protocol = null;
  let implicitLoaded = false;
  let opaque = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "generic") {
      const kind = genericKind(view.name(i));
      if (kind === null) continue;
      if (kind === "-p") protocol = view.value(i);
      out[i] = genericChecker(kind, family);
    } else if (role === "match" || role === "jump" || role === "goto") {
      const name = view.value(i);
      const extension = name === null ? void 0 : findExtension(role === "match" ? "match" : "target", name, family);
      if (extension === void 0) opaque = true;
      else loaded.push(extension);
    } else if (role === "module" && !opaque) {
      const spelling = view.name(i);
      let owner2 = ownerOf(spelling, loaded, family);
      if (owner2 === "none" && protocol !== null && !implicitLoaded) {
        implicitLoaded = true;
        const implicit = implicitMatch(protocol, family);
        if (implicit !== void 0) {
          loaded.push(implicit);
          owner2 = ownerOf(spelling, loaded, family);
        }
      }
      if (typeof owner2 === "object") out[i] = optionChecker(owner2.extension, owner2.name, family, protocol === null ? null : protocol.toLowerCase());
    }
  }
  return out;
}
var V43 = /^\d{1,3}(\.\d{1,3}){3}(\/[\d.]+)?$/;
var ADDRESS_OPTIONS2 = /* @__PURE__ */ new Set([...GENERIC_ADDRESS_OPTIONS, ...PLAIN_ADDRESS_OPTIONS]);
function otherFamilysValue(option2, word, family) {
  if (family === null) return false;
  if (option2 === "--reject-with") return family === 6 ? word.startsWith("icmp-") : word.startsWith("icmp6-");
  if (!ADDRESS_OPTIONS2.has(option2)) return false;
  const other = family === 4 ? 6 : 4;
  return word.split(",").some((a) => (a.startsWith("[") || (a.match(/:/g)?.length ?? 0) >= 2 ? 6 : V43.test(a) ? 4 : null) === other);
}

// rules/invalid-option-value/rule.ts
var ID15 = "invalid-option-value";
var invalidOptionValue = {
  id: ID15,
  description: "an option value iptables refuses (`--dport 4:3`, an interface name over 15 bytes, `--ctstate NEWX`): iptables-restore refuses the line, with iptables' message",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    const checkersOfShape = moduleCheckersByShape(context, family);
    const generic = /* @__PURE__ */ new Map();
    const candidates = /* @__PURE__ */ new Set();
    forEachOptionValue(
      document,
      null,
      (v) => {
        let checker;
        if (v.ordinal === -1) {
          checker = generic.get(v.option);
          if (checker === void 0) {
            const kind = genericKind(v.option);
            checker = kind === null ? null : genericChecker(kind, family);
            generic.set(v.option, checker);
          }
        } else {
          const shape2 = shapes.shapeOf(v.line);
          checker = shape2 === -1 ? null : checkersOfShape[shape2]?.[v.ordinal];
        }
        if (checker === null || checker === void 0 || checker.surelyFine(v.text, v.start, v.end, v.quoted)) return true;
        if (checker.words !== 1 || checker.check(valueOf(v)).kind !== "ok") {
          candidates.add(v.line);
          return false;
        }
        return true;
      },
      (line) => candidates.add(line)
    );
    if (candidates.size === 0) return;
    const syntaxLines = new Set(document.diagnostics.filter((d) => d.severity === "error").map((d) => d.loc.start.line - 1));
    for (const n of [...candidates].sort((a, b) => a - b)) {
      if (syntaxLines.has(n)) continue;
      const line = document.line(n);
      if (line.kind === "command") report3(context, line, family);
    }
  }
};
function moduleCheckersByShape(context, family) {
  const { document, model } = context;
  return model.lines.shapes().representatives.map((representative) => {
    const line = document.line(representative);
    if (line.kind !== "command") return null;
    const view = line.view;
    const all = checkersOf(view, family);
    const modules2 = [];
    for (let i = 0; i < view.count; i++) if (view.role(i) === "module") modules2.push(all[i]);
    return modules2.every((c) => c === null) ? null : modules2;
  });
}
var shown = (word) => word.length > 40 ? `${word.slice(0, 37)}...` : word;
function fewestBytes(word) {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 255) return byteLength(word);
  return word.length;
}
function messageOf2(option2, words2, verdict, wanted = 1) {
  if (verdict.kind === "refused" && words2.length < wanted) return `\`${option2} ${shown(words2.join(" "))}\` lacks its second word: iptables-restore refuses the line ("${verdict.message}")`;
  if (verdict.kind === "refused") return `\`${option2}\` cannot take \`${shown(words2.join(" "))}\`: iptables-restore refuses the line ("${verdict.message}")`;
  const bytes = fewestBytes(words2[0]);
  if (bytes <= verdict.kept) return null;
  const exact = bytes === byteLength(words2[0]);
  return `\`${option2}\` is ${exact ? "" : "at least "}${bytes} bytes long: iptables keeps its first ${verdict.kept} bytes and drops the rest without a word`;
}
function report3(context, line, family) {
  const view = line.view;
  const checkers2 = checkersOf(view, family);
  for (let i = 0; i < view.count; i++) {
    const checker = checkers2[i];
    if (checker === null) continue;
    const words2 = view.values(i);
    const verdict = checker.checkWords(words2.slice(0, checker.words));
    if (verdict.kind === "ok" || otherFamilysValue(view.name(i), words2[0], family)) continue;
    const option2 = view.optionRange(i);
    const inline = line.source.text.slice(option2.start, option2.end).includes("=");
    const first2 = inline ? option2 : view.valueRange(i, 0);
    const last2 = checker.words === 1 ? first2 : view.valueRange(i, inline ? 0 : 1);
    const range2 = first2 === null || last2 === null ? option2 : { start: first2.start, end: last2.end };
    const message5 = messageOf2(view.name(i), words2.slice(0, checker.words), verdict, checker.words);
    if (message5 !== null) context.report({ range: range2, message: message5, severity: verdict.kind === "cut" ? "warning" : "error" });
  }
}

// rules/interface-direction/rule.ts
var ID16 = "interface-direction";
var SHORT2 = { in: "-i", out: "-o" };
var NAME2 = { in: "input", out: "output" };
var MAX_MESSAGE_LENGTH = 160;
var interfaceDirection = {
  id: ID16,
  description: "`-o` in PREROUTING or INPUT, `-i` in OUTPUT or POSTROUTING: iptables refuses the rule; in a user chain reached only from such hooks, it never matches",
  severity: "error",
  fixable: false,
  check(context) {
    const index = context.model.lines;
    const lines = index.commandsWith({ options: [...INTERFACE_OPTIONS.in, ...INTERFACE_OPTIONS.out] });
    for (let from = 0; from < lines.length; ) {
      const table = lines[from].table;
      let to = from;
      while (to < lines.length && lines[to].table === table) to++;
      checkTable2(context, table, lines.slice(from, to), index);
      from = to;
    }
  }
};
var uses = (index, line, direction) => INTERFACE_OPTIONS[direction].some((option2) => index.uses(lineNo(line), option2));
function checkTable2(context, table, lines, index) {
  const builtins = table.name === null ? HOOKS : BUILTIN_CHAINS[table.name] ?? [];
  const inUserChains = [];
  for (const line of lines) {
    const chain = line.chain;
    if (chain === null || !isRuleCommand(line)) continue;
    const refused = INTERFACE_REFUSED_IN[chain];
    if (refused !== void 0) {
      if (uses(index, line, refused)) reportRefused(context, line, refused);
      continue;
    }
    if (builtins.includes(chain) || line.command === "delete") continue;
    const directions = [];
    if (uses(index, line, "out")) directions.push("out");
    if (uses(index, line, "in")) directions.push("in");
    if (directions.length) inUserChains.push({ line, directions });
  }
  if (inUserChains.length === 0) return;
  const model = context.model.tableOf(table);
  const reach = model.hooks;
  const ids = [...new Set(inUserChains.map((c) => model.chainOf(lineNo(c.line))).filter((id) => id !== NONE))];
  const reaching = reach.hooksReaching(reach.hooks, ids);
  const reachedFrom = new Map(ids.map((id, k) => [id, reaching[k]]));
  for (const { line, directions } of inUserChains) {
    const id = model.chainOf(lineNo(line));
    const from = id === NONE ? [] : reachedFrom.get(id) ?? [];
    if (from.length === 0) continue;
    const blind = directions.filter((direction) => from.every((hook) => BLIND_HOOKS[direction].includes(hook)));
    if (blind.length) reportUseless(context, line, blind, from, reach);
  }
}
var isRuleCommand = (line) => line.command === "append" || line.command === "insert" || line.command === "replace" || line.command === "delete";
function interfaceElements(view, direction) {
  const [short2, long] = INTERFACE_OPTIONS[direction];
  const out = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) === "generic" && (view.is(i, short2) || view.is(i, long))) out.push(i);
  }
  return out;
}
var spelled = (view, i) => view.written(i);
function reportRefused(context, line, direction) {
  const view = line.view;
  const [at] = interfaceElements(view, direction);
  if (at === void 0) return;
  const chain = line.chain;
  const option2 = SHORT2[direction];
  context.report({
    range: view.range(at),
    message: `\`${spelled(view, at)}\` in ${chain}, which has no ${NAME2[direction]} interface: iptables-restore refuses it ("Can't use ${option2} with ${chain}"), loading no table from this one on`
  });
}
function reportUseless(context, line, directions, from, reach) {
  const view = line.view;
  let never = null;
  let always = null;
  for (const direction2 of directions) {
    for (const at2 of interfaceElements(view, direction2)) {
      if (view.value(at2) === "+") continue;
      if (view.negated(at2)) {
        if (always === null || at2 < always.at) always = { at: at2, direction: direction2 };
      } else if (never === null || at2 < never.at) {
        never = { at: at2, direction: direction2 };
      }
    }
  }
  const found = never ?? always;
  if (found === null) return;
  const { at, direction } = found;
  const chain = line.chain;
  const written = spelled(view, at);
  const paths = listOf(from.map((hook) => reach.path(chain, hook).join(" \u2192 ")));
  const lacks = `${from.length === 1 ? "has" : "have"} no ${NAME2[direction]} interface`;
  const effect = never !== null ? "the rule never matches" : "it is always true and tests nothing";
  const withPaths = `\`${written}\` in ${chain}, reached only from ${paths}: ${listOf(from)} ${lacks}, so ${effect}`;
  const message5 = withPaths.length <= MAX_MESSAGE_LENGTH ? withPaths : `\`${written}\` in ${chain}, reached only from ${listOf(from)}, which ${lacks}: ${effect}`;
  context.report({ range: view.range(at), severity: "warning", message: message5 });
}

// rules/iptables-backend-split/rule.ts
var ID17 = "iptables-backend-split";
var WARNING = /^# Warning: (ip6?|arp|eb)tables-legacy tables present, use \1tables-legacy(-save)? to see them\s*$/;
var NEEDLE2 = "# Warning: ";
var iptablesBackendSplit = {
  id: ID17,
  description: "the node has rules in both backends (iptables-nft and iptables-legacy), which both see every packet: `# Warning: iptables-legacy tables present`, or both dumps given together",
  severity: "warning",
  fixable: false,
  check(context) {
    for (const comment of commentLinesStarting(context.document, NEEDLE2)) {
      const start = comment.start;
      const lineText = comment.text;
      const match = WARNING.exec(lineText);
      if (match === null) continue;
      const legacy = `${match[1]}tables-legacy`;
      context.report({
        range: { start, end: start + lineText.trimEnd().length },
        message: `The node also has ${legacy} tables, not in this dump: their rules see every packet too (a DROP there wins), so this is not the whole firewall`
      });
    }
  },
  checkNode(context) {
    const { self: self2 } = context;
    if (self2.backend === null || !holdsRules(self2.model)) return;
    const other = context.rulesets.find((r) => r !== self2 && r.family === self2.family && r.backend !== null && r.backend !== self2.backend && holdsRules(r.model));
    if (other === void 0) return;
    context.report(self2, {
      range: headerRange(self2),
      message: `The node also has ${other.backend === "legacy" ? "iptables-legacy" : "iptables-nft"} rules in ${nameOf(other)}: both backends see every packet and a DROP in either wins, so this is not the whole firewall`
    });
  }
};
function holdsRules(model) {
  return model.tables().some((t) => t.table.commandCount > 0 || t.policyDeclarations.some((d) => d.policy !== "ACCEPT" && d.policy !== "-"));
}
function headerRange(ruleset) {
  const { document } = ruleset;
  const { lineStarts, contentEnds, lineCount } = document.source.lexed;
  for (let n = 0; n < lineCount; n++) {
    if (document.kindOf(n) === "comment" && document.text.startsWith("# Generated by ", lineStarts[n])) return { start: lineStarts[n], end: contentEnds[n] };
    if (document.kindOf(n) !== "comment" && document.kindOf(n) !== "blank") break;
  }
  return { start: lineStarts[0], end: contentEnds[0] };
}
var nameOf = (ruleset) => `\`${(ruleset.document.filePath ?? "<stdin>").split(/[\\/]/).pop()}\``;

// rules/jump-to-undefined-chain/rule.ts
var ID18 = "jump-to-undefined-chain";
var jumpToUndefinedChain = {
  id: ID18,
  description: "a jump or goto to a chain the table does not declare (or declares only later), or to a built-in chain: iptables-restore refuses the table",
  severity: "error",
  fixable: "safe",
  schema: {
    type: "object",
    properties: {
      targets: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "target extensions the nodes have beyond iptables' own, e.g. xtables-addons' TARPIT"
      }
    },
    additionalProperties: false
  },
  check(context) {
    const extra = new Set(context.options?.targets ?? []);
    for (const walk of context.model.tables()) {
      for (const jump of walk.builtinJumps) reportBuiltin(context, walk, jump);
      if (walk.partial) continue;
      const moves = /* @__PURE__ */ new Map();
      for (const jump of walk.missingJumps) {
        const name = jump.target.name;
        if (extra.has(name) || isNameTooLong(name)) continue;
        let move = moves.get(name);
        if (move === void 0) moves.set(name, move = moveDeclarationFix(context.document, walk, name));
        context.report({ range: jump.target, message: missingMessage(context.model, walk, jump), fix: move ?? void 0 });
      }
    }
  }
};
var upperCased = /* @__PURE__ */ new WeakMap();
function byUpperCase(walk) {
  let map2 = upperCased.get(walk);
  if (map2 === void 0) {
    upperCased.set(walk, map2 = /* @__PURE__ */ new Map());
    for (const name of [...walk.declaredNames(), ...walk.builtins]) {
      const key = name.toUpperCase();
      map2.set(key, [...map2.get(key) ?? [], name]);
    }
  }
  return map2;
}
var option = (jump) => `\`${jump.target.kind === "goto" ? "-g" : "-j"} ${jump.target.name}\``;
var refusal2 = (jump) => `iptables-restore refuses the table ("Chain '${jump.target.name}' does not exist")`;
function missingMessage(model, walk, jump) {
  const name = jump.target.name;
  const table = walk.table;
  const later = walk.declaredLater(name, jump.line);
  if (later) return `${option(jump)} comes before ${name} is declared (${lineOf(later)}), so ${refusal2(jump)}`;
  const elsewhere = tablesWithBuiltin(name);
  if (elsewhere.length && table.name !== null) return `${option(jump)}: ${table.name} has no built-in or user chain ${name}, so ${refusal2(jump)}`;
  const notes = [];
  const other = model.tables().find((t) => t !== walk && t.table.name !== null && t.declarationsOf(name).length > 0);
  if (other) notes.push(`${other.table.name} has one`);
  const upper = name.toUpperCase();
  const chain = byUpperCase(walk).get(upper)?.find((c) => c !== name);
  if (upper !== name && isKnownTarget(upper)) notes.push(`did you mean ${upper}?`);
  else if (chain) notes.push(`did you mean ${chain}?`);
  return `${option(jump)}: ${tableName(table)} has no chain ${name}${notes.length ? ` (${notes.join("; ")})` : ""} and iptables no such target, so ${refusal2(jump)}`;
}
function reportBuiltin(context, walk, jump) {
  context.report({
    range: jump.target,
    message: `${option(jump)} jumps to a built-in chain of ${tableName(walk.table)}: the kernel refuses the rule, so the table fails to load ("RULE_APPEND failed (Operation not supported)")`
  });
}

// rules/kube-localnet-exposed/rule.ts
var ID19 = "kube-localnet-exposed";
var LOOPBACK_HOST = 2130706433;
var LOOPBACK_NET = 2130706432;
var DESTINATION2 = /* @__PURE__ */ new Set(["-d", "--destination", "--dst"]);
var kubeLocalnetExposed = {
  id: ID19,
  description: "kube-proxy serves NodePorts on 127.0.0.1 (route_localnet=1) and no INPUT rule drops other hosts' packets to 127.0.0.0/8 (CVE-2020-8558)",
  severity: "warning",
  fixable: false,
  check(context) {
    const { model, document } = context;
    if (model.family()?.family === 6) return;
    const nat = model.tables().find((t) => t.table.name === "nat");
    const filter2 = model.tables().find((t) => t.table.name === "filter");
    if (nat === void 0 || filter2 === void 0 || filter2.partial) return;
    if (!nat.chains.get("KUBE-NODEPORTS")?.rules.length) return;
    const jump = localhostNodePortsJump(document, nat);
    if (jump === null) return;
    if (inputDropsByDefault(filter2)) return;
    if (hasLocalnetGuard(document, filter2)) return;
    context.report({
      range: jump.range,
      message: "NodePorts on 127.0.0.1 need route_localnet=1, and no INPUT rule drops outside packets to 127.0.0.0/8: neighbours reach services bound to 127.0.0.1"
    });
  }
};
function localhostNodePortsJump(document, nat) {
  for (const n of nat.linesTargeting("KUBE-NODEPORTS")) {
    const line = document.line(n);
    if (line.command !== "append" && line.command !== "insert") continue;
    const destinations = destinationsOf(line);
    if (destinations === null) continue;
    const takesLoopback = destinations.every(
      ({ negated, networks }) => negated ? !networks.some((net) => contains(net, LOOPBACK_HOST)) : networks.some((net) => contains(net, LOOPBACK_HOST))
    );
    if (takesLoopback) return line;
  }
  return null;
}
function hasLocalnetGuard(document, filter2) {
  const { text, source } = document;
  for (let at = text.indexOf("127.0.0."); at !== -1; at = text.indexOf("127.0.0.", at + 8)) {
    const n = source.positionAt(at).line - 1;
    if (document.kindOf(n) !== "command") continue;
    const line = document.line(n);
    const chain = filter2.chainOf(lineNo(line));
    if (chain === NONE || line.command !== "append" && line.command !== "insert") continue;
    const target = filter2.target(line)?.name;
    if (target !== "DROP" && target !== "REJECT") continue;
    const destinations = destinationsOf(line);
    const guards = destinations !== null && destinations.some(({ negated, networks }) => !negated && networks.some((net) => coversLoopbackNet(net)));
    if (guards && filter2.hooks.reaches("INPUT", chain)) return true;
  }
  return false;
}
function inputDropsByDefault(filter2) {
  return filter2.policyDeclarations.some((d) => d.name === "INPUT" && d.policy === "DROP") || filter2.policyCommands.some((c) => c.chain === "INPUT" && c.positional[1]?.value === "DROP");
}
function destinationsOf(line) {
  const view = line.view;
  const out = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "generic" || !DESTINATION2.has(view.name(i))) continue;
    const value = view.value(i);
    const parsed = value === null ? null : parseGenericAddresses(value, 4);
    if (parsed === null || parsed.kind !== "value") return null;
    out.push({ negated: view.negated(i), networks: parsed.value });
  }
  return out;
}
var maskOf2 = (net) => typeof net.mask === "number" ? net.mask : 0;
var addressOf = (net) => typeof net.address === "number" ? net.address : -1;
function contains(net, host) {
  return net.family === 4 && (host & maskOf2(net)) >>> 0 === addressOf(net) >>> 0;
}
function coversLoopbackNet(net) {
  return net.family === 4 && net.prefix !== null && net.prefix <= 8 && contains(net, LOOPBACK_NET);
}

// rules/line-ends/rule.ts
var ID20 = "line-ends";
var lineEnds = {
  id: ID20,
  description: "CR LF line ends (iptables-restore reads the CR as part of each line's last word), or no newline after the last COMMIT (iptables-legacy-restore refuses it)",
  severity: "error",
  fixable: "safe",
  check(context) {
    checkFinalNewline(context);
    checkCrLf(context);
  }
};
function checkFinalNewline(context) {
  const { document } = context;
  const count = document.source.lexed.lineCount;
  const last2 = count > 0 ? document.line(count - 1) : null;
  if (last2?.kind !== "commit" || last2.eol !== "") return;
  const end = document.text.length;
  context.report({
    range: last2.range,
    message: 'The file ends with `COMMIT` and no line end: iptables-legacy-restore refuses it ("Bad argument `COMMIT\'"), iptables-nft-restore loads it',
    fix: { title: "add the final newline", applicability: "safe", edits: [{ start: end, end, text: "\n" }], ruleId: ID20 }
  });
}
function checkCrLf(context) {
  const { document } = context;
  const text = document.text;
  if (text.indexOf("\r\n") === -1) return;
  const { contentEnds, lineCount } = document.source.lexed;
  const edits = [];
  let firstRefused = null;
  let firstAltered = null;
  for (let i = 0; i < lineCount; i++) {
    const end = contentEnds[i];
    if (text.charCodeAt(end) !== 13 || text.charCodeAt(end + 1) !== 10) continue;
    edits.push({ start: end, end: end + 1, text: "" });
    if (firstRefused !== null) continue;
    const line = document.line(i);
    const effect = effectOf(document, line);
    if (effect === "refused") firstRefused = line;
    else if (effect === "altered") firstAltered ??= line;
  }
  const first2 = firstRefused ?? firstAltered;
  if (first2 === null) {
    return;
  }
  const severity = firstRefused ? "error" : "warning";
  const count = edits.length;
  const lines = `${count} line${count === 1 ? "" : "s"} of ${lineCount} end${count === 1 ? "s" : ""} in CR LF (\\r\\n)`;
  const message5 = firstRefused ? `${lines}: iptables-restore keeps the CR in the last word and loads nothing (${consequence(document, firstRefused)})` : `${lines}: iptables-restore loads them, with a CR at the end of free text (${lastWord(firstAltered)})`;
  context.report({
    range: first2.range,
    severity,
    message: message5,
    fix: { title: "convert CR LF line ends to LF", applicability: "safe", edits, ruleId: ID20 }
  });
}
function effectOf(document, line) {
  if (line === void 0) return "refused";
  switch (line.kind) {
    case "comment":
      return "harmless";
    case "chain":
      return line.counters !== null ? "harmless" : "refused";
    case "command": {
      const elements = line.elements;
      const last2 = elements[elements.length - 1];
      if (last2 && FREE_TEXT_OPTIONS.has(last2.name) && last2.values.length === 1 && !last2.values[0].quoted) return "altered";
      return "refused";
    }
    default:
      void document;
      return "refused";
  }
}
function lastWord(line) {
  const words2 = line.words;
  return words2.count ? `\`${words2.word(words2.count - 1).raw}\`` : "an empty line";
}
function consequence(document, line) {
  const at = `line ${line.index + 1}`;
  switch (line.kind) {
    case "table":
      return `${at}: "table name '${line.text.slice(1)}\\r' invalid"`;
    case "commit":
      return `${at}: "Bad argument \`COMMIT\\r'"`;
    case "blank":
      return `empty ${at}: "Bad argument \`\\r'"`;
    case "chain":
      return `${at}, policy \`${line.policy ?? ""}\\r\`: "Bad policy name"`;
    case "command": {
      const target = line.target;
      const words2 = line.words;
      const last2 = words2.count ? words2.word(words2.count - 1).raw : "";
      if (target && target.word.range.end === line.range.end) return `${at}: "Invalid target name \`${target.name}\\r'"`;
      return `${at} ends in \`${last2}\\r\``;
    }
    default:
      void document;
      return `${at} is refused`;
  }
}

// rules/mark-bit-conflict/rule.ts
var ID21 = "mark-bit-conflict";
var MASQUERADE = { name: "kube-proxy", purpose: "kube-proxy's masquerade mark" };
var DROP = { name: "kubelet", purpose: "kubelet's drop mark" };
var OWNERS = [
  ["KUBE-MARK-MASQ", MASQUERADE],
  ["KUBE-POSTROUTING", MASQUERADE],
  ["KUBE-MARK-DROP", DROP],
  ["KUBE-FIREWALL", DROP],
  ["KUBE-ROUTER-", { name: "kube-router", purpose: "kube-router's marks" }],
  ["KUBE-NWPLCY-", { name: "kube-router", purpose: "kube-router's network policy marks" }],
  ["KUBE-POD-FW-", { name: "kube-router", purpose: "kube-router's network policy marks" }],
  ["KUBE-", { name: "kube-proxy", purpose: "kube-proxy's marks" }],
  ["cali-", { name: "Calico", purpose: "Calico's marks" }],
  ["CILIUM_", { name: "Cilium", purpose: "Cilium's marks" }],
  ["OLD_CILIUM_", { name: "Cilium", purpose: "Cilium's marks" }],
  ["WEAVE-", { name: "Weave Net", purpose: "Weave Net's marks" }],
  ["ANTREA-", { name: "Antrea", purpose: "Antrea's marks" }],
  ["ISTIO_", { name: "Istio", purpose: "Istio's marks" }],
  ["ts-", { name: "Tailscale", purpose: "Tailscale's marks" }],
  ["FLANNEL", { name: "flannel", purpose: "flannel's marks" }],
  ["OPENSHIFT-", { name: "OpenShift SDN", purpose: "OpenShift SDN's marks" }],
  ["DOCKER", { name: "Docker", purpose: "Docker's marks" }]
];
function ownerOf2(chain) {
  for (const [prefix, owner2] of OWNERS) if (chain.startsWith(prefix)) return owner2;
  return null;
}
var markBitConflict = {
  id: ID21,
  description: "two owners of packet marks (kube-proxy's masquerade and drop marks, a CNI) set or clear the same mark bit",
  severity: "warning",
  fixable: false,
  check(context) {
    const writes = [];
    for (const line of context.model.lines.withTarget("MARK")) {
      if (line.command === "delete" || line.chain === null) continue;
      const owner2 = ownerOf2(line.chain);
      const target = line.rule?.target;
      if (owner2 === null || !target) continue;
      const effect = markTargetEffect(target);
      if (effect === null) continue;
      if (effect.mask >>> 0 === 4294967295) continue;
      const bits = (effect.mask | effect.value) >>> 0;
      if (bits !== 0) writes.push({ line, owner: owner2, bits });
    }
    const reported = /* @__PURE__ */ new Set();
    for (let i = 0; i < writes.length; i++) {
      for (let j = 0; j < i; j++) {
        const shared = (writes[j].bits & writes[i].bits) >>> 0;
        if (writes[j].owner.name === writes[i].owner.name || shared === 0) continue;
        const key = [writes[j].owner.name, writes[i].owner.name].sort().join("|");
        if (reported.has(key)) continue;
        reported.add(key);
        const kubeFirst = isKube(writes[i].owner) && !isKube(writes[j].owner);
        const [a, b] = kubeFirst ? [writes[i], writes[j]] : [writes[j], writes[i]];
        context.report({ range: b.line.range, message: describe(a, b, shared) });
      }
    }
  }
};
var isKube = (owner2) => owner2 === MASQUERADE || owner2 === DROP;
function describe(a, b, shared) {
  const owners2 = /* @__PURE__ */ new Set([a.owner, b.owner]);
  const effect = owners2.has(MASQUERADE) && owners2.has(DROP) ? "KUBE-FIREWALL drops packets marked for masquerading" : "a packet marked by one is taken for the other's";
  return `${b.line.chain} (${b.owner.name}) sets or clears mark bit${shared & shared - 1 ? "s" : ""} ${hex(shared)}, ${a.owner.purpose} (${a.line.chain}, line ${a.line.index + 1}): ${effect}`;
}

// rules/masquerade-mark-not-cleared/versions.ts
var kernelStableFixes = { "4.14": 181, "4.19": 123, "5.4": 41, "5.6": 13 };
var ubuntuFixes = { "4.15": 107, "5.4": 32 };
function kernelVerdict(release) {
  const ubuntu = /^(\d+)\.(\d+)\.0-(\d+)-[a-z]/.exec(release);
  if (ubuntu) {
    const series2 = `${ubuntu[1]}.${ubuntu[2]}`;
    if (series2 in ubuntuFixes) return Number(ubuntu[3]) >= ubuntuFixes[series2] ? "fixed" : "affected";
  }
  const v = parseVersion(release);
  if (v === null) return "unknown";
  if (v.major > 5 || v.major === 5 && v.minor >= 7) return "fixed";
  const series = `${v.major}.${v.minor}`;
  if (series in kernelStableFixes) return v.patch >= kernelStableFixes[series] ? "fixed" : "affected";
  return "affected";
}
var kubernetesFixes = { 16: 13, 17: 9, 18: 6 };
function kubernetesVerdict(text) {
  const v = parseVersion(text.replace(/^v/, ""));
  if (v === null || v.major !== 1) return null;
  const clearsMark = v.minor >= 19 || v.minor in kubernetesFixes && v.patch >= kubernetesFixes[v.minor];
  return { clearsMark, randomFully: v.minor >= 16 };
}
function parseVersion(text) {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null;
}

// rules/masquerade-mark-not-cleared/rule.ts
var ID22 = "masquerade-mark-not-cleared";
var SNAT_TARGETS = /* @__PURE__ */ new Set(["MASQUERADE", "SNAT"]);
var masqueradeMarkNotCleared = {
  id: ID22,
  description: "a packet marked for masquerading is SNATed with the mark still set (the VXLAN double SNAT of kube-proxy v1.16-v1.18.5)",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const table of context.model.tables()) {
      if (table.table.name === "nat" || table.table.name === null) checkTable3(table, context);
    }
  }
};
function checkTable3(table, context) {
  const snatRules = findSnatRules(context, table);
  if (snatRules.length === 0) return;
  const chains = table.chains;
  const mark = masqueradeMark(chains, snatRules);
  if (mark === null) return;
  const flags = /* @__PURE__ */ new Map();
  const walker = new MarkWalk(chains, {
    onTerminal(facts, state, matches, chain) {
      const target = facts.target;
      if (!SNAT_TARGETS.has(target.name)) return;
      const selectsOnMark = facts.marks.some((t) => !t.negated && (t.mask & t.value & mark) !== 0);
      if (state.has(mark) && (matches === true || selectsOnMark) && !flags.has(facts.line)) {
        flags.set(facts.line, { line: facts.line, chain, target: target.name, randomFully: target.option("--random-fully") !== void 0 });
      }
    }
  });
  walker.walk("POSTROUTING", [MarkState.withBits(mark)]);
  for (const rule of snatRules) {
    if (rule.chain !== null && !walker.visited.has(rule.chain)) walker.walk(rule.chain, [MarkState.withBits(mark)]);
  }
  const fixes = /* @__PURE__ */ new Map();
  for (const flag of flags.values()) {
    if (!fixes.has(flag.chain)) fixes.set(flag.chain, chainFix(context.document, chains.get(flag.chain), mark, walker));
    const fix2 = fixes.get(flag.chain);
    const { severity, message: message5 } = describe2(flag, mark, context.node);
    context.report({ range: flag.line.range, severity, message: message5, fix: fix2 });
  }
}
function findSnatRules(context, table) {
  const index = context.model.lines;
  const found = [...SNAT_TARGETS].flatMap((name) => index.withTarget(name).filter((line) => line.table === table.table));
  return found.sort((a, b) => a.index - b.index);
}
function masqueradeMark(chains, snatRules) {
  for (const line of chains.get("KUBE-MARK-MASQ")?.rules ?? []) {
    const target = line.rule?.target;
    const effect = target ? markTargetEffect(target) : null;
    if (effect && effect.value !== 0) return effect.value;
  }
  for (const line of snatRules) {
    for (const match of line.rule?.matchesNamed("mark") ?? []) {
      const test = markMatchTests(match)?.find((t) => !t.negated && t.value !== 0);
      if (test) return test.value;
    }
  }
  return null;
}
function isMarkBased(walker, line) {
  const facts = walker.factsOf(line);
  if (facts.marks.length > 0 || facts.effect !== null) return true;
  return SNAT_TARGETS.has(facts.target?.name ?? "") && !facts.otherConditions;
}
function chainFix(document, chain, mark, walker) {
  const rules = chain.rules;
  if (rules.some((line) => line.command !== "append")) return void 0;
  const involved = rules.filter((line) => isMarkBased(walker, line));
  const snat = involved.filter((line) => SNAT_TARGETS.has(walker.factsOf(line).target?.name ?? ""));
  if (snat.length === 0) return void 0;
  const kept = snat[snat.length - 1];
  const gated = snat.some((line) => walker.factsOf(line).marks.some((t) => !t.negated && (t.value & mark) !== 0)) || involved.some((line) => walker.factsOf(line).target?.name === "RETURN");
  if (!gated) return void 0;
  const counters = kept.plan.counters !== -1 ? "[0:0] " : "";
  const m = hex(mark);
  const block = [
    `${counters}-A ${chain.name} -m mark ! --mark ${m}/${m} -j RETURN`,
    `${counters}-A ${chain.name} -j MARK --set-xmark ${m}/0x0`,
    withoutMarkMatches(document, kept, mark)
  ];
  const first2 = involved[0];
  const eol = first2.eol || "\n";
  const lineEnd = (line) => document.source.lexed.lineStarts[line.index + 1];
  const edits = involved.map((line, i) => ({
    start: line.range.start,
    end: lineEnd(line),
    text: i === 0 ? block.map((text) => text + eol).join("").slice(0, first2.eol ? void 0 : -eol.length) : ""
  }));
  return {
    title: `clear mark ${m} before masquerading in ${chain.name}`,
    applicability: "safe",
    edits,
    ruleId: ID22
  };
}
function withoutMarkMatches(document, line, mark) {
  const { start, end } = line.range;
  let text = "";
  let at = start;
  for (const match of line.rule.matchesNamed("mark")) {
    if (!markMatchTests(match)?.some((t) => (t.mask & mark) !== 0)) continue;
    let from = match.range.start;
    while (from > at && /[ \t]/.test(document.text[from - 1])) from--;
    text += document.text.slice(at, from);
    at = match.range.end;
  }
  return text + document.text.slice(at, end);
}
function describe2(flag, mark, node) {
  let severity = flag.randomFully ? "error" : "warning";
  const kernel = node.kernelVersion ? kernelVerdict(node.kernelVersion) : "unknown";
  const kube = node.kubernetesVersion ? kubernetesVerdict(node.kubernetesVersion) : null;
  const notes = [];
  let effect;
  if (flag.randomFully) {
    if (kernel === "fixed") {
      severity = "warning";
      effect = "";
      notes.push(`${kube?.clearsMark ? "the kernel" : `kernel ${node.kernelVersion}`} has the checksum fix`);
    } else if (kube?.clearsMark) {
      effect = " and may be dropped";
    } else {
      effect = kernel === "affected" ? ` and dropped (kernel ${node.kernelVersion} lacks the checksum fix)` : " and dropped on kernels without the UDP checksum fix";
    }
  } else if (kube?.randomFully && !kube.clearsMark) {
    severity = "error";
    effect = ` and dropped once kube-proxy ${node.kubernetesVersion} adds --random-fully`;
  } else {
    effect = ", harmless until --random-fully is added";
  }
  if (kube?.clearsMark) notes.unshift(`it predates kube-proxy ${node.kubernetesVersion}`);
  const target = `\`-j ${flag.target}${flag.randomFully ? " --random-fully" : ""}\``;
  const message5 = `${target} on packets still marked ${hex(mark)}: VXLAN packets are SNATed twice${effect}${notes.length ? ` (${notes.join("; ")})` : ""}`;
  return { severity, message: message5 };
}

// rules/match-not-allowed-here/rule.ts
var ID23 = "match-not-allowed-here";
var matchNotAllowedHere = {
  id: ID23,
  description: "a match in a table or chain where the kernel refuses it (`-m owner` outside OUTPUT and POSTROUTING, `-m rpfilter` outside raw and mangle PREROUTING, ...): the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const numbers = model.lines.linesWith({ modules: PLACED_MATCHES });
    if (numbers.length === 0) return;
    const facts = { family: model.family()?.family ?? null, backend: model.backend() };
    for (const table of document.tables) {
      if (table.name === null) continue;
      const tableModel = model.tableOf(table);
      const uses2 = [];
      for (const n of numbers) {
        const step = tableModel.stepOf(n);
        if (step === 0 /* None */ || step === 5 /* Declaration */ || step === 4 /* Delete */ || tableModel.chainOf(n) === NONE) continue;
        const line = document.line(n);
        if (line.kind === "command") uses2.push(...usesOf(line, n, facts.family));
      }
      if (uses2.length > 0) checkTable4(context, tableModel, uses2, facts);
    }
  }
};
function usesOf(line, n, family) {
  const view = line.view;
  const uses2 = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "match") continue;
    const match = view.value(i);
    if (match === null || !PLACED_MATCHES.includes(match)) continue;
    const limits = limitsOf(match, family);
    for (const limit of limits) {
      const find2 = optionFinder(view);
      if (!limitHolds(limit, find2)) continue;
      const option2 = limit.when?.options.find((o) => find2(o) !== null);
      const at = option2 === void 0 ? i : optionIndex(view, option2);
      const value = limit.when?.value === void 0 ? "" : ` ${limit.when.value}`;
      uses2.push({ n, line, match, limit, written: `-m ${match}${option2 === void 0 ? "" : ` ${option2}${value}`}`, range: view.range(at) });
    }
  }
  return uses2;
}
function limitsOf(match, family) {
  if (family !== null) {
    const places = matchPlaces(match, family);
    return places?.kind === "limited" ? places.limits : [];
  }
  const v4 = matchPlaces(match, 4);
  const v6 = matchPlaces(match, 6);
  if (v4?.kind !== "limited" || v6?.kind !== "limited" || v4.limits !== v6.limits) return [];
  return v4.limits;
}
function optionIndex(view, option2) {
  for (let i = 0; i < view.count; i++) if (view.role(i) === "module" && view.is(i, option2)) return i;
  return -1;
}
var optionFinder = (view) => (option2) => {
  const i = optionIndex(view, option2);
  return i === -1 ? null : { value: view.value(i), negated: view.negated(i) };
};
function checkTable4(context, table, uses2, facts) {
  const tableName2 = table.table.name;
  const builtins = BUILTIN_CHAINS[tableName2] ?? [];
  const wrongOf = /* @__PURE__ */ new Map();
  const byLimit = /* @__PURE__ */ new Map();
  for (const use of uses2) {
    if (!use.limit.hooks || !table.chains.keeps(use.n)) continue;
    byLimit.set(use.limit, [...byLimit.get(use.limit) ?? [], use]);
  }
  for (const [limit, group] of byLimit) {
    const forbidden = HOOKS.filter((hook) => builtins.includes(hook) && !limit.hooks.includes(hook));
    if (forbidden.length === 0) continue;
    const chains = group.map((use) => table.chainOf(use.n));
    const reaching = table.hooks.hooksReaching(forbidden, chains);
    group.forEach((use, k) => wrongOf.set(use, reaching[k]));
  }
  const refused = /* @__PURE__ */ new Set();
  for (const use of uses2) {
    if (refused.has(use.n)) continue;
    const { limit } = use;
    if (limit.tables && !limit.tables.includes(tableName2)) {
      refused.add(use.n);
      report4(context, use, tableName2, placeRefusal(limit, use.match, tableName2, []), false, facts);
      continue;
    }
    const wrong = wrongOf.get(use);
    if (wrong === void 0 || wrong.length === 0) continue;
    refused.add(use.n);
    const chain = use.line.chain;
    const isBuiltin = builtins.includes(chain);
    const used = isBuiltin ? [...wrong] : HOOKS.filter((hook) => wrong.includes(hook) || builtins.includes(hook) && table.hooks.reaches(hook, chain));
    const legacyOnly = limit.hooksCheckedInBuiltinOnlyByNft === true && !isBuiltin;
    report4(context, use, chainReachedFrom(table, chain, isBuiltin, wrong), placeRefusal(limit, use.match, tableName2, used), legacyOnly, facts);
  }
}
var MAX_MESSAGE = 180;
function report4(context, use, where, logged, legacyOnly, facts) {
  const compose = (at, words2) => `\`${use.written}\` in ${at}: ${kernelRefusal(words2, legacyOnly, facts.backend)}`;
  let message5 = compose(where, logged);
  const chain = use.line.chain ?? where;
  if (message5.length > MAX_MESSAGE && where !== chain && where.startsWith(chain)) message5 = compose(where = chain, logged);
  if (message5.length > MAX_MESSAGE && logged !== null) {
    const cut = logged.slice(0, logged.length - (message5.length - MAX_MESSAGE) - 1);
    message5 = compose(where, `${cut.slice(0, cut.lastIndexOf(" "))}\u2026`);
  }
  context.report({ range: use.range, severity: legacyOnly && facts.backend === "nft" ? "warning" : "error", message: message5 });
}

// rules/missing-option/rule.ts
var ID24 = "missing-option";
var missingOption = {
  id: ID24,
  description: "a match or target without an option it needs (`-m mark` without `--mark`, `-j MARK` without an operation): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = commandLineAt(context.document, representative);
      if (line === null || line.command === "delete") continue;
      const reading = readOptions(line.view, family);
      if (reading === null) continue;
      const missing = reading.instances.filter((instance) => !isBareTarget(line, instance) && lackOf(instance, family) !== null);
      if (missing.length === 0) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = commandLineAt(context.document, n);
        if (like === null || like.command === "delete") continue;
        const again = readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          if (isBareTarget(like, instance)) continue;
          const lack = lackOf(instance, family);
          if (lack !== null) report5(context, like, instance, lack);
        }
      }
    }
    const { lexed } = document.source;
    let tables;
    for (const target of targetsWithNeeds(family)) {
      for (const n of model.lines.linesTargeting(target.name)) {
        if (targetGivenOptions(lexed, n)) continue;
        tables ??= model.tables();
        if (tables.some((table) => table.partial || table.chains.isUserChain(target.name))) break;
        const line = commandLineAt(context.document, n);
        if (line === null || line.command === "delete") continue;
        const at = line.view.targetIndex();
        if (at === -1) continue;
        if (line.view.valueRange(at, 1) !== null) continue;
        const instance = { extension: target, element: at, implicit: false, given: [] };
        const lack = lackOf(instance, family);
        if (lack !== null) report5(context, line, instance, lack);
      }
    }
  }
};
function isBareTarget(line, instance) {
  if (instance.extension.kind !== "target") return false;
  const view = line.view;
  for (let i = instance.element + 1; i < view.count; i++) if (view.role(i) === "module") return false;
  return true;
}
var targetsCache;
function targetsWithNeeds(family) {
  if (targetsCache?.family !== family) {
    const names2 = /* @__PURE__ */ new Set([...ONE_OF_REQUIREMENTS.filter((r) => r.kind === "target").map((r) => r.extension)]);
    const targets = [];
    for (const name of ["AUDIT", "CHECKSUM", "CLASSIFY", "DNAT", "DNPT", "IDLETIMER", "LED", "NETMAP", "RATEEST", "SECMARK", "SNAT", "SNPT", "TEE", "TPROXY", ...names2]) {
      const target = findExtension("target", name, family);
      if (target !== void 0 && (names2.has(name) || mandatoryOptions(target, family).length > 0)) targets.push(target);
    }
    targetsCache = { family, targets };
  }
  return targetsCache.targets;
}
function lackOf(instance, family) {
  const { extension, given } = instance;
  if (OWN_CHECK_FIRST.has(`${extension.kind}:${extension.name}`)) return null;
  const keys2 = new Set(given.map((g) => g.key));
  const requirement = ONE_OF_REQUIREMENTS.find((r) => r.kind === extension.kind && r.extension === extension.name);
  if (requirement !== void 0 && (requirement.options === null ? keys2.size === 0 : !requirement.options.some((o) => keys2.has(o)))) {
    return { kind: "one-of", requirement };
  }
  const mandatory = mandatoryOptions(extension, family);
  for (const option2 of extension.options) {
    const key = option2.names[0];
    if (mandatory.includes(key) && !keys2.has(key)) return { kind: "mandatory", option: key };
  }
  for (const g of given) {
    for (const needs of g.option.also ?? []) if (!keys2.has(needs)) return { kind: "also", option: g.key, needs };
  }
  return null;
}
var nameOf2 = (e) => e.kind === "match" ? `-m ${e.name}` : `-j ${e.name}`;
function report5(context, line, instance, lack) {
  const view = line.view;
  const name = `\`${instance.implicit ? `-p ${view.value(instance.element) ?? ""}` : nameOf2(instance.extension)}\``;
  const ext = instance.extension.name;
  let message5;
  if (lack.kind === "one-of") {
    const options = lack.requirement.options;
    const wanted = options === null ? "no option" : options.length === 1 ? `no \`${options[0]}\`` : "none of the options it needs";
    message5 = `${name} is given ${wanted}: iptables-restore refuses the line ("${lack.requirement.message}")`;
  } else if (lack.kind === "mandatory") {
    message5 = `${name} without \`${lack.option}\`: iptables-restore refuses the line ("${ext}: option "${lack.option}" must be specified")`;
  } else {
    const at = instance.given.find((g) => g.key === lack.option);
    context.report({
      range: view.range(at.element),
      message: `\`${view.name(at.element)}\` without \`${lack.needs}\`: iptables-restore refuses the line ("${ext}: option "${lack.option}" also requires "${lack.needs}".")`
    });
    return;
  }
  context.report({ range: view.range(instance.element), message: message5 });
}

// rules/multiport-too-many-ports/rule.ts
var ID25 = "multiport-too-many-ports";
var MAX_PORT_SLOTS = 15;
var OPTIONS = /* @__PURE__ */ new Set(["--source-ports", "--sports", "--destination-ports", "--dports", "--ports"]);
var ABBREVIATIONS2 = /* @__PURE__ */ new Set(["--sport", "--dport", "--port", "--source-port", "--destination-port"]);
var PORT = /^(?:\d{1,5}|[A-Za-z][\w.-]*)$/;
var multiportTooManyPorts = {
  id: ID25,
  description: "`-m multiport` with more than 15 ports (a range counts two): iptables refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    for (const n of model.lines.linesWith({ modules: ["multiport"] })) {
      const line = document.line(n);
      if (line.kind === "command") checkLine3(context, line);
    }
  }
};
function checkLine3(context, line) {
  const view = line.view;
  let loaded = false;
  let othersBefore = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "match") {
      if (view.value(i) === "multiport") loaded = true;
      else othersBefore = true;
      continue;
    }
    if (role === "jump" || role === "goto") othersBefore = true;
    if (role !== "module") continue;
    const name = view.name(i);
    const owned = loaded && (OPTIONS.has(name) || !othersBefore && ABBREVIATIONS2.has(name));
    if (!owned) {
      othersBefore = true;
      continue;
    }
    const value = view.value(i);
    const slots = value === null ? null : slotsOf(value);
    if (slots !== null && slots > MAX_PORT_SLOTS) report6(context, view, i, name, slots);
  }
}
function slotsOf(list2) {
  let slots = 0;
  for (const item of list2.split(",")) {
    const bounds = item.split(":");
    if (slots < MAX_PORT_SLOTS && !isPortOrRange(bounds)) return null;
    slots += bounds.length === 2 ? 2 : 1;
  }
  return slots;
}
function isPortOrRange(bounds) {
  if (bounds.length > 2 || !bounds.every((b) => PORT.test(b) && !(/^\d+$/.test(b) && Number(b) > 65535))) return false;
  const [low, high] = bounds.map((b) => /^\d+$/.test(b) ? Number(b) : NaN);
  return bounds.length === 1 || !(low >= high);
}
function report6(context, view, i, name, slots) {
  context.report({
    range: view.range(i),
    message: `\`${name}\` lists ${slots} port slots (a range takes two), more than multiport's ${MAX_PORT_SLOTS}: iptables refuses the line ("too many ports specified")`
  });
}

// rules/old-negation-syntax/rule.ts
var ID26 = "old-negation-syntax";
var oldNegationSyntax = {
  id: ID26,
  description: "the old negation `-s ! x` of iptables <= 1.4.3, which iptables >= 1.4.12 refuses (fix: `! -s x`)",
  severity: "error",
  fixable: "safe",
  check(context) {
    const text = context.document.text;
    for (const line of context.model.lines.withLateBang()) {
      const view = line.view;
      if (!hasLateBang(view)) continue;
      const edits = [];
      const spelled2 = [];
      let first2 = -1;
      for (let i = 0; i < view.count; i++) {
        if (!view.lateBang(i)) continue;
        if (first2 === -1) first2 = i;
        const option2 = view.optionRange(i);
        const bang = view.bangRange(i);
        let from = bang.start;
        let to = bang.end;
        while (to < text.length && (text[to] === " " || text[to] === "	")) to++;
        if (view.valueRange(i) === null) {
          to = bang.end;
          while (from > option2.end && (text[from - 1] === " " || text[from - 1] === "	")) from--;
        }
        edits.push({ start: option2.start, end: option2.start, text: "! " }, { start: from, end: to, text: "" });
        spelled2.push(text.slice(view.range(i).start, view.range(i).end));
      }
      const what = spelled2.length === 1 ? `\`${spelled2[0]}\`` : spelled2.map((s) => `\`${s}\``).join(", ");
      context.report({
        range: view.range(first2),
        message: `${what} ${spelled2.length === 1 ? "puts" : "put"} \`!\` after the option, so iptables >= 1.4.12 refuses the line (${refusal3(view.name(first2), view.value(first2))})`,
        fix: { title: "move `!` before the option", applicability: "safe", edits, ruleId: ID26 }
      });
    }
  }
};
function hasLateBang(view) {
  for (let i = 0; i < view.count; i++) if (view.lateBang(i)) return true;
  return false;
}
function refusal3(option2, value) {
  switch (option2) {
    case "-s":
    case "--source":
    case "--src":
    case "-d":
    case "--destination":
    case "--dst":
    case "-i":
    case "--in-interface":
    case "-o":
    case "--out-interface":
      return `"Bad argument \`${value ?? ""}'"`;
    case "-p":
    case "--protocol":
      return `"unknown protocol "!" specified"`;
    default:
      return "its match reads `!` as the option's value";
  }
}

// rules/option-needs-newer-iptables/rule.ts
var ID27 = "option-needs-newer-iptables";
var optionNeedsNewerIptables = {
  id: ID27,
  description: "an option the node's iptables (`node.iptablesVersion`) does not have yet (`--random-fully` before 1.6.2): its iptables-restore refuses the line",
  severity: "warning",
  fixable: false,
  check(context) {
    const configured = context.node.iptablesVersion;
    const release = configured === void 0 ? null : parseRelease(configured);
    if (release === null) return;
    const { model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = commandLineAt(context.document, representative);
      const reading = line === null ? null : readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => newer(instance, release).length > 0)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = commandLineAt(context.document, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          for (const { given, history } of newer(instance, release)) {
            const view = like.view;
            const name = instance.extension.kind === "match" ? `-m ${instance.extension.name}` : `-j ${instance.extension.name}`;
            context.report({
              range: view.range(given.element),
              message: `\`${view.name(given.element)}\` of \`${name}\` came with iptables ${history.addedIn}, and the node has ${configured}: its iptables-restore refuses the line as an unknown option`
            });
          }
        }
      }
    }
  }
};
function parseRelease(text) {
  const match = /^v?(\d+(?:\.\d+)*)$/.exec(text.trim());
  return match === null ? null : match[1].split(".").map(Number);
}
function before(a, b) {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k] ?? 0;
    const y = b[k] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
function newer(instance, release) {
  const out = [];
  for (const given of instance.given) {
    const history = OPTION_HISTORY.find(
      (h) => h.addedIn !== void 0 && h.kind === instance.extension.kind && h.extension === instance.extension.name && given.option.names.includes(h.option)
    );
    if (history !== void 0 && before(release, parseRelease(history.addedIn))) out.push({ given, history });
  }
  return out;
}

// rules/option-needs-protocol/rule.ts
var ID28 = "option-needs-protocol";
var optionNeedsProtocol = {
  id: ID28,
  description: "an option or match that needs a protocol (`--dport`, `-m tcp`, `--to-ports`) without `-p` of that protocol before it: the ruleset does not load",
  severity: "error",
  fixable: "safe",
  check(context) {
    const { document, model } = context;
    const index = model.lines;
    const numbers = index.linesWith({ options: WATCHED_PROTOCOL_OPTIONS, modules: WATCHED_PROTOCOL_MODULES, targets: PROTOCOL_TARGETS });
    let facts = null;
    for (const n of numbers) {
      if (index.protocolNeedsSurelyMet(n)) continue;
      const line = document.line(n);
      if (line.kind !== "command" || line.command === "delete") continue;
      facts ??= { family: model.family()?.family ?? null, backend: model.backend() };
      checkLine4(context, line, facts);
    }
  }
};
var WATCHED_PROTOCOL_OPTIONS = WATCHED_OPTIONS.filter((o) => PROTOCOL_OPTION_OWNERS.has(o));
var WATCHED_PROTOCOL_MODULES = WATCHED_MODULES.filter((m) => Object.hasOwn(PROTOCOL_MATCHES, m) || m === "multiport" || m === "tcpmss");
function checkLine4(context, line, facts) {
  const view = line.view;
  const problem = protocolProblem(view, facts.family);
  if (problem !== null) {
    report7(context, line, problem, facts);
    return;
  }
  const target = view.targetIndex();
  if (target !== -1) checkTarget(context, line, view, target, facts);
}
function report7(context, line, problem, facts) {
  const view = line.view;
  switch (problem.kind) {
    case "unknown-option":
      return reportUnknownOption(context, line, view, problem.element, problem.option, problem.owners, problem.before, problem.rule);
    case "negated-implicit":
      return reportProtocolMatch(context, view, problem.element, problem.match, problem.rule.name, problem.rule, facts, true);
    case "match-needs-protocol":
      if (problem.match.name === "multiport") return reportMultiport(context, view, problem.element, problem.rule);
      return reportProtocolMatch(context, view, problem.element, problem.match, problem.required[0], problem.rule, facts);
  }
}
var list = (protocols) => {
  const items = protocols.map((p) => `\`-p ${p}\``);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
};
function reportUnknownOption(context, line, view, at, option2, owners2, protocol, final) {
  const refusal4 = `iptables-restore refuses the line ("unknown option "${option2}"")`;
  let message5;
  let fix2;
  if (final !== null && final.element > at && owners2.includes(final.name) && final.text.toLowerCase() === final.name) {
    message5 = `\`${option2}\` comes before \`-p ${final.text}\`, so no ${final.name} match is loaded to read it and ${refusal4}`;
    fix2 = moveProtocolFix(line, view, final.element, at);
  } else if (protocol !== null) {
    message5 = `\`${option2}\` belongs to ${list(owners2)}, not \`${protocol.negated ? "! " : ""}-p ${protocol.text}\`, so ${refusal4}`;
  } else {
    message5 = `\`${option2}\` needs ${list(owners2)} before it, so ${refusal4}`;
  }
  context.report({ range: view.range(at), message: message5, fix: fix2 });
}
var NFT_NATIVE_MATCHES = /* @__PURE__ */ new Set(["tcp", "udp"]);
var RULE_APPEND_FAILED = "RULE_APPEND failed (Invalid argument)";
function reportProtocolMatch(context, view, at, match, required, final, facts, implicit = false) {
  const name = view.value(at) ?? match.name;
  const native = NFT_NATIVE_MATCHES.has(match.name);
  let severity = "error";
  let message5;
  let fix2;
  if (final !== null && final.negated) {
    const what = implicit ? `\`! -p ${final.text}\` with ${match.name} options` : `\`-m ${name}\` with \`! -p ${final.text}\``;
    const logged = `"${match.name} match: only valid for protocol ${protocolNumber(required)}"`;
    if (native) {
      message5 = `${what}: iptables-legacy-restore refuses the table (the kernel logs ${logged}), ` + (facts.backend === "nft" ? "iptables-nft, which wrote this dump, loads it" : "iptables-nft loads it");
      if (facts.backend === "nft") severity = "warning";
    } else {
      message5 = `${what}: the kernel refuses it (it logs ${logged}), failing the line in iptables-nft, the table in legacy`;
    }
  } else {
    const refused = native ? `iptables-nft-restore refuses the line ("${match.name.toUpperCase()} match requires '-p ${required}'"), iptables-legacy-restore the table` : `the kernel refuses it, failing the table in iptables-legacy and the line in iptables-nft-restore ("${RULE_APPEND_FAILED}")`;
    if (final === null) {
      message5 = `\`-m ${name}\` without \`-p ${required}\`: ${refused}`;
      const start = view.range(at).start;
      fix2 = { title: `add \`-p ${required}\``, applicability: "unsafe", edits: [{ start, end: start, text: `-p ${required} ` }], ruleId: ID28 };
    } else {
      message5 = `\`-m ${name}\` in a rule for \`-p ${final.text}\`: ${refused}`;
    }
  }
  context.report({ range: view.range(at), severity, message: message5, fix: fix2 });
}
function reportMultiport(context, view, at, final) {
  const said = final !== null && final.negated ? "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP" : "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";
  const where = final === null ? "a rule without `-p`" : `a rule for \`${final.negated ? "! " : ""}-p ${final.text}\``;
  context.report({
    range: view.range(at),
    message: `\`-m multiport\` in ${where}: iptables-restore refuses the line ("${said}")`
  });
}
function checkTarget(context, line, view, at, facts) {
  const name = view.value(at);
  if (name === null) return;
  const protocol = ruleProtocol(view, at);
  const option2 = (names2) => {
    for (let i = at + 1; i < view.count; i++) if (names2.some((n) => view.is(i, n))) return i;
    return -1;
  };
  switch (name) {
    case "MASQUERADE":
    case "REDIRECT": {
      const i = option2(["--to-ports", "--to-port"]);
      if (i !== -1) checkNatPorts(context, view, i, name, protocol, facts);
      return;
    }
    case "DNAT":
    case "SNAT": {
      const i = option2(["--to-destination", "--to-source"]);
      if (i !== -1 && hasPort(view.value(i) ?? "")) checkNatPorts(context, view, i, name, protocol, facts);
      return;
    }
  }
}
function checkNatPorts(context, view, i, target, protocol, facts) {
  const allowed = NAT_PORT_PROTOCOLS[facts.family ?? 4];
  if (protocol !== null && allowed.includes(protocol.name)) return;
  const option2 = view.name(i);
  const why = protocol === null ? "but no `-p` before it" : `in a rule for \`-p ${protocol.text}\``;
  context.report({
    range: view.range(i),
    message: `${target} \`${option2} ${view.value(i) ?? ""}\` has ports ${why}: iptables-restore refuses it ("Need TCP, UDP, SCTP or DCCP with port specification")`
  });
}
function hasPort(value) {
  if (value.includes("]:")) return true;
  if (value.startsWith("[")) return false;
  const colons = value.split(":").length - 1;
  return colons === 1;
}
function moveProtocolFix(line, view, from, before2) {
  const text = line.source.text;
  const range2 = view.range(from);
  let start = range2.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "	")) start--;
  const insertAt = view.range(before2).start;
  const edits = [
    { start: insertAt, end: insertAt, text: `${text.slice(range2.start, range2.end)} ` },
    { start, end: range2.end, text: "" }
  ];
  return { title: "put `-p` before the options that need it", applicability: "safe", edits, ruleId: ID28 };
}

// rules/other-family-line/rule.ts
var OTHER_FAMILY_LINE = "other-family-line";
var FLAGS = { "-4": 4, "--ipv4": 4, "-6": 6, "--ipv6": 6 };
var otherFamilyLine = {
  id: OTHER_FAMILY_LINE,
  description: "a `-4` line in an ip6tables ruleset, or a `-6` line in an iptables one: its restore tool skips the line",
  severity: "info",
  fixable: false,
  check(context) {
    const { model, document } = context;
    const skipped = model.skippedLines();
    if (skipped.length === 0) return;
    const evidence = model.family();
    if (evidence === null || !evidence.declared) return;
    const tool = evidence.family === 6 ? "ip6tables-restore" : "iptables-restore";
    for (const index of skipped) {
      const line = document.line(index);
      if (line.kind !== "command") continue;
      const flag = flagOf(line, evidence.family === 6 ? 4 : 6);
      if (flag === null) continue;
      context.report({
        range: flag.range,
        message: `\`${flag.text}\`: ${tool} skips this line, so it is no rule of this ruleset (${evidence.because}); only the IPv${FLAGS[flag.name]} tool loads it`
      });
    }
  }
};
function flagOf(line, family) {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const name = view.name(i);
    if (FLAGS[name] === family) return { name, text: view.written(i), range: view.range(i) };
  }
  return null;
}

// rules/published-port-bypasses-input/rule.ts
var ID29 = "published-port-bypasses-input";
var MAX_BLOCKS = 16;
var MAX_PORTS = 4;
var MAX_TRACES2 = 48;
var MAX_BAN_SOURCES = 3;
var NODE2 = { 4: ["192.0.2.1", "192.0.2.201"], 6: ["2001:db8::1", "2001:db8::201"] };
var CLIENT2 = { 4: ["198.51.100.9", "203.0.113.9"], 6: ["2001:db8:ffff::9", "2001:db8:fffe::9"] };
var UPLINK = "uplink0";
var publishedPortBypassesInput = {
  id: ID29,
  description: "An INPUT rule blocks a port that nat DNATs to a container or pod: the packets are forwarded, never see INPUT, and the port stays open",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    const { model, document } = context;
    const family = model.family()?.family ?? 4;
    const filter2 = model.tables().find((t) => t.table.name === "filter");
    const nat = model.tables().find((t) => t.table.name === "nat");
    if (filter2 === void 0 || nat === void 0 || filter2.partial || nat.partial) return;
    if (model.lines.linesTargeting("DNAT").length === 0) return;
    const blocks = portBlocks(document, filter2, family, () => publishedPorts(document, model.lines.linesWith({ options: ["--dport", "--destination-port"], modules: ["multiport"] }), nat, family));
    if (blocks.length === 0) return;
    const bridges = bridgeRoutes(model, family);
    let traces = 0;
    const reported = /* @__PURE__ */ new Set();
    const tried = /* @__PURE__ */ new Set();
    for (const block of blocks) {
      for (const port of block.ports) {
        for (const input of packetsFor(block, port, family, filter2)) {
          const key = `${input.protocol} ${input.source} ${input.destination} ${input.destinationPort} ${input.inInterface}`;
          if (tried.has(key)) continue;
          tried.add(key);
          if ((traces += 3) > MAX_TRACES2) return;
          const finding = judge(document, family, input, block, bridges);
          if (finding === null || reported.has(finding.deciding.index)) continue;
          reported.add(finding.deciding.index);
          context.report({
            range: finding.deciding.range,
            message: `${protocolName(block.protocol)} port ${port} is DNATed to ${finding.to} (${finding.dnat}) and forwarded: INPUT never sees it, so this ${finding.verdict} leaves the port open`,
            fix: mirrorFix(document, filter2, finding.deciding, block, port) ?? void 0
          });
        }
      }
    }
  }
};
function portBlocks(document, filter2, family, published) {
  const candidates = [];
  const text = document.text;
  filter2.chains.forEachRule((n, chain) => {
    const target = filter2.targetName(n);
    if (target === void 0 || target !== "DROP" && target !== "REJECT" && !filter2.chains.isUserChain(target)) return;
    if (!text.slice(filter2.ruleTextStart(n), filter2.ruleTextEnd(n)).includes("port")) return;
    candidates.push({ n, chain });
  });
  candidates.sort((a, b) => a.n - b.n);
  if (candidates.length === 0) return [];
  const reach = filter2.hooks.hooksReaching(["INPUT"], candidates.map((c) => c.chain));
  const blocks = [];
  candidates.forEach(({ n }, k) => {
    if (reach[k].length === 0 || blocks.length >= MAX_BLOCKS) return;
    const line = document.line(n);
    const matches = readMatches(line, family);
    if (matches.unread || matches.protocol === null || matches.protocolNegated || matches.destinationPorts === null || matches.destinationPortsNegated) return;
    const ports = [];
    for (const range2 of matches.destinationPorts) {
      if (range2.min === range2.max) ports.push(range2.min);
      else for (const p of published()) if (p.protocol === matches.protocol && p.port >= range2.min && p.port <= range2.max && !ports.includes(p.port)) ports.push(p.port);
    }
    blocks.push({ line, matches, protocol: matches.protocol, ports: ports.slice(0, MAX_PORTS) });
  });
  return blocks;
}
var MAX_PUBLISHED_LINES = 256;
var publishedCache = /* @__PURE__ */ new WeakMap();
function publishedPorts(document, lines, nat, family) {
  let found = publishedCache.get(document);
  if (found !== void 0) return found;
  found = [];
  const reached = /* @__PURE__ */ new Map();
  for (let k = 0, read2 = 0; k < lines.length && read2 < MAX_PUBLISHED_LINES; k++) {
    const n = lines[k];
    const chain = nat.chainOf(n);
    if (chain === NONE || !nat.chains.keeps(n)) continue;
    let r = reached.get(chain);
    if (r === void 0) reached.set(chain, r = nat.hooks.reaches("PREROUTING", chain));
    if (!r) continue;
    read2++;
    const m = readMatches(document.line(n), family);
    if (m.unread || m.protocol === null || m.protocolNegated || m.destinationPortsNegated || m.destinationPorts === null) continue;
    if (m.destinations.some((d) => !d.negated)) continue;
    for (const range2 of m.destinationPorts) if (range2.min === range2.max) found.push({ protocol: m.protocol, port: range2.min });
  }
  publishedCache.set(document, found);
  return found;
}
function packetsFor(block, port, family, filter2) {
  const m = block.matches;
  const sources = [];
  const positiveSource = m.sources.find((s) => !s.negated && s.nets.length > 0);
  if (positiveSource !== void 0) sources.push(hostOf(family, positiveSource.nets[0]));
  else {
    const negated = m.sources.flatMap((s) => s.negated ? s.nets : []);
    const client = addressOutside(family, negated, CLIENT2[family]);
    if (client !== null) sources.push(client);
    const target = block.line.target?.name;
    if (target !== void 0 && filter2.chains.isUserChain(target)) {
      for (const rule of filter2.chains.get(target)?.rules ?? []) {
        if (sources.length > MAX_BAN_SOURCES) break;
        const verdict = rule.target?.name;
        if (verdict !== "DROP" && verdict !== "REJECT") continue;
        const banned = readMatches(rule, family).sources.find((s) => !s.negated && s.nets.length > 0);
        if (banned !== void 0) sources.push(hostOf(family, banned.nets[0]));
      }
    }
  }
  const positiveDestination = m.destinations.find((d) => !d.negated && d.nets.length === 1 && d.nets[0].exact === true);
  const destination = positiveDestination?.nets[0].network ?? addressOutside(family, m.destinations.flatMap((d) => d.nets), NODE2[family]);
  if (destination === null) return [];
  const inInterface = m.inInterface !== null && !m.inInterface.negated ? m.inInterface.name.replace(/\+$/, "0") : UPLINK;
  return sources.map((source) => ({
    family,
    protocol: protocolName(block.protocol),
    protocolNumber: block.protocol,
    source: formatAddress(family, source),
    destination: formatAddress(family, destination),
    sourcePort: 4e4,
    destinationPort: port,
    icmpType: null,
    icmpCode: null,
    inInterface,
    state: "new"
  }));
}
function judge(document, family, input, block, bridges) {
  const nodeAddress2 = parseAddress(input.destination).address;
  const node = dumpNode(family, nodeAddress2, null);
  let real;
  let local;
  try {
    real = tracePacket([document], input, node, { family }).outcomes;
    const destinations = new Set(real.map((o) => o.packet.destination));
    const to2 = destinations.size === 1 ? parseAddress([...destinations][0]) : null;
    const route = to2 === null ? null : routeTo(bridges, to2.address);
    if (route !== null) real = tracePacket([document], input, dumpNode(family, nodeAddress2, route), { family }).outcomes;
    if (real.length === 0 || !real.every((o) => o.verdict === "accept" && o.delivery === "forward")) return null;
    local = tracePacket([document], input, node, { family, withoutTables: ["nat"] }).outcomes;
  } catch (error) {
    if (error instanceof TraceError) return null;
    throw error;
  }
  const dnat = real[0].path.find((s) => s.table === "nat" && s.target === "DNAT");
  if (dnat === void 0) return null;
  let deciding = null;
  for (const o of local) {
    if (o.verdict !== "drop" && o.verdict !== "reject") return null;
    const step = decidingStep(o);
    if (step === null || step.table !== "filter" || step.target !== "DROP" && step.target !== "REJECT") return null;
    if (!o.path.some((s) => s.line === block.line.index + 1)) return null;
    if (deciding !== null && deciding !== step.line) return null;
    deciding = step.line;
  }
  if (deciding === null) return null;
  const after = dnat.after;
  const to = after === void 0 ? "its DNAT target" : family === 6 ? `[${after.destination}]:${after.destinationPort}` : `${after.destination}:${after.destinationPort}`;
  return { deciding: document.line(deciding - 1), verdict: document.line(deciding - 1).target?.name ?? "DROP", dnat: `${dnat.filePath.slice(dnat.filePath.lastIndexOf("/") + 1)}:${dnat.line}`, to };
}
var MIRRORED_GENERIC = /* @__PURE__ */ new Set(["-p", "--protocol", "-s", "--source", "--src", "-i", "--in-interface"]);
var MIRRORED_MATCHES = /* @__PURE__ */ new Set(["tcp", "udp", "sctp", "comment"]);
function mirrorFix(document, filter2, deciding, block, port) {
  if (deciding !== block.line || !filter2.appendOnly) return null;
  const ports = block.matches.destinationPorts;
  if (ports === null || ports.length !== 1 || ports[0].min !== ports[0].max) return null;
  const forward = filter2.chains.get("FORWARD")?.rules ?? [];
  const first2 = forward[0];
  if (first2 === void 0 || first2.target?.name !== "DOCKER-USER" || first2.target.kind !== "jump" || first2.view.count !== 1) return null;
  const dockerUser = filter2.chains.get("DOCKER-USER")?.rules ?? [];
  if (dockerUser.length === 0) return null;
  const view = deciding.view;
  const parts = [];
  let targetWords = "";
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    const name = view.name(i);
    if (role === "generic") {
      if (!MIRRORED_GENERIC.has(name) || view.lateBang(i)) return null;
      parts.push(view.written(i));
    } else if (role === "match") {
      if (!MIRRORED_MATCHES.has(view.value(i) ?? "")) return null;
    } else if (role === "module") {
      if (name === "--dport" || name === "--destination-port" || name === "--comment") continue;
      if (view.targetIndex() !== -1 && i > view.targetIndex()) targetWords += ` ${view.written(i)}`;
      else return null;
    } else if (role === "jump") {
      targetWords = `${view.written(i)}${targetWords}`;
    } else if (role !== "command") return null;
  }
  if (!targetWords.startsWith("-j DROP") && !targetWords.startsWith("-j REJECT")) return null;
  const text = `-A DOCKER-USER ${parts.join(" ")} -m conntrack --ctorigdstport ${port} --ctdir ORIGINAL ${targetWords}
`;
  const at = lineStart(document.text, dockerUser[0].range.start);
  return { title: `block port ${port} in DOCKER-USER too`, applicability: "unsafe", edits: [{ start: at, end: at, text }] };
}
function lineStart(text, offset) {
  const nl = text.lastIndexOf("\n", offset - 1);
  return nl + 1;
}

// rules/queue-target/rule.ts
var ID30 = "queue-target";
var REPLACEMENT = "NFQUEUE --queue-num 0";
var queueTarget = {
  id: ID30,
  description: "`-j QUEUE`, which iptables-nft refuses in every chain (fix: `-j NFQUEUE --queue-num 0`, the same verdict)",
  severity: "warning",
  fixable: "safe",
  check(context) {
    for (const line of queueLines(context)) report8(context, line);
  }
};
function queueLines(context) {
  const found = [];
  for (const table of context.model.tables()) {
    for (const n of table.linesTargeting("QUEUE")) {
      if (table.stepOf(n) !== 4 /* Delete */) found.push(context.document.line(n));
    }
  }
  return found;
}
function report8(context, line) {
  const view = line.view;
  const target = view.targetIndex();
  if (target === -1 || view.role(target) !== "jump") return;
  const span = view.valueRange(target);
  if (span === null) return;
  const operation = line.command === "insert" ? "RULE_INSERT" : "RULE_APPEND";
  const nft = line.command === "replace" ? "crashes iptables-nft-restore 1.8.9 (a segmentation fault)" : `: iptables-nft-restore refuses it ("${operation} failed (No such file or directory)"), loading no table from this one on`;
  let hasQueueOption = false;
  for (let i = target + 1; i < view.count && !hasQueueOption; i++) hasQueueOption = NFQUEUE_OPTIONS.includes(view.name(i));
  const written = line.source.text.slice(view.range(target).start, view.range(target).end);
  context.report({
    range: view.range(target),
    message: `\`${written}\`${line.command === "replace" ? ` in \`-R\` ${nft}` : nft}; iptables-legacy loads it`,
    fix: hasQueueOption ? void 0 : { title: `replace QUEUE by ${REPLACEMENT}`, applicability: "safe", edits: [{ start: span.start, end: span.end, text: REPLACEMENT }], ruleId: ID30 }
  });
}

// rules/raw-drop-shadows-filter-accept/rule.ts
var ID31 = "raw-drop-shadows-filter-accept";
var RAW_CHAIN_OF = { INPUT: "PREROUTING", FORWARD: "PREROUTING", OUTPUT: "OUTPUT" };
var PASSES_ON = /* @__PURE__ */ new Set(["CT", "NOTRACK", "MARK", "CONNMARK", "TRACE"]);
var REWRITES_DESTINATION = ["DNAT", "REDIRECT", "NETMAP"];
var REWRITES_ANY = ["DNPT", "SNPT"];
var rawDropShadowsFilterAccept = {
  id: ID31,
  description: "a DROP in the raw table takes every packet a later filter ACCEPT would take: raw runs first, so the ACCEPT never sees a packet",
  severity: "warning",
  fixable: false,
  check(context) {
    const { model, document } = context;
    const tables = model.tables();
    const raw = tables.find((t) => t.table.name === "raw" && !t.partial);
    const filter2 = tables.find((t) => t.table.name === "filter" && !t.partial);
    const family = model.family()?.family ?? 4;
    if (raw === void 0 || filter2 === void 0) return;
    if (REWRITES_ANY.some((target) => tables.some((t) => t.linesTargeting(target).length > 0))) return;
    const drops = { PREROUTING: rawDrops(raw, "PREROUTING", family), OUTPUT: rawDrops(raw, "OUTPUT", family) };
    if (drops.PREROUTING.length === 0 && drops.OUTPUT.length === 0) return;
    const nat = tables.find((t) => t.table.name === "nat");
    let dnats;
    const dnatTargets = () => dnats ??= natDestinations(nat, document);
    const hooksOfChain = /* @__PURE__ */ new Map();
    for (const n of filter2.linesTargeting("ACCEPT")) {
      const chain = filter2.chainOf(n);
      if (chain === NONE || !filter2.chains.keeps(n)) continue;
      let hooks2 = hooksOfChain.get(chain);
      if (hooks2 === void 0) hooksOfChain.set(chain, hooks2 = filter2.hooks.hooksOf(chain));
      if (hooks2.length === 0 || hooks2.some((h) => RAW_CHAIN_OF[h] === void 0 || drops[RAW_CHAIN_OF[h]].length === 0)) continue;
      const line = document.line(n);
      const accept2 = matchSetOf(line.view, family);
      if (!accept2.decidable) continue;
      let first2 = null;
      for (const hook of hooks2) {
        const rawChain = RAW_CHAIN_OF[hook];
        const drop2 = drops[rawChain].find((d) => covers(d, accept2, family, dnatTargets));
        if (drop2 === void 0) {
          first2 = null;
          break;
        }
        first2 ??= { drop: drop2, chain: rawChain };
      }
      if (first2 === null) continue;
      context.report({
        range: line.range,
        message: `This ACCEPT never sees a packet: raw ${first2.chain} drops all of them first (${lineOf(first2.drop.line)}), as raw runs before filter`
      });
    }
  }
};
function rawDrops(raw, chainName, family) {
  const drops = [];
  const before2 = [];
  for (const line of raw.chains.get(chainName)?.rules ?? []) {
    const target = raw.target(line)?.name;
    if (target !== void 0 && (PASSES_ON.has(target) || targetClass(target) === "observe")) continue;
    const set = matchSetOf(line.view, family);
    if (target === "DROP") {
      if (set.decidable && !set.atoms.some((a) => a.field === "ctstate" || a.field === "out")) {
        drops.push({ line, set, testsDestination: set.atoms.some((a) => a.field === "destination" || a.field === "dport"), before: [...before2] });
      }
      continue;
    }
    if (target === "DROP") continue;
    before2.push(set);
  }
  return drops;
}
function covers(drop2, accept2, family, dnatTargets) {
  if (!implies(accept2, drop2.set)) return false;
  if (!drop2.before.every((earlier) => disjoint(accept2, earlier))) return false;
  if (drop2.testsDestination && dnatTargets().some((to) => dnatMayReach(to, family, accept2))) return false;
  return true;
}
function natDestinations(nat, document) {
  if (nat === void 0) return [];
  const out = [];
  for (const target of REWRITES_DESTINATION) {
    for (const n of nat.linesTargeting(target)) {
      if (target !== "DNAT") {
        out.push(null);
        continue;
      }
      const view = document.line(n).view;
      let to = null;
      for (let i = view.targetIndex() + 1; i < view.count; i++) if (view.name(i) === "--to-destination") to = view.value(i);
      out.push(to);
    }
  }
  return out;
}

// rules/stale-proxy-mode-rules/rule.ts
var ID32 = "stale-proxy-mode-rules";
var IPVS_CHAINS = ["KUBE-NODE-PORT", "KUBE-LOAD-BALANCER"];
var IPTABLES_SERVICE_CHAIN = /^KUBE-(?:SVC|SVL|EXT|XLB|FW|SEP)-/;
var IPTABLES_REJECT_CHAINS = ["KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES"];
var staleProxyModeRules = {
  id: ID32,
  description: "kube-proxy's iptables-mode rules (KUBE-SVC-* chains, `has no endpoints` REJECTs) beside its IPVS-mode chains (KUBE-NODE-PORT, KUBE-LOAD-BALANCER): one mode is left over from a switch",
  severity: "warning",
  fixable: false,
  check(context) {
    const tables = context.model.tables();
    const nat = tables.find((t) => t.table.name === "nat");
    if (nat === void 0) return;
    const ipvs = IPVS_CHAINS.find((name) => nat.chains.get(name)?.declaration);
    if (ipvs === void 0) return;
    const filter2 = tables.find((t) => t.table.name === "filter");
    const reject2 = filter2 === void 0 ? null : firstServiceReject(filter2);
    if (reject2 !== null) {
      context.report({
        range: reject2.range,
        message: `A REJECT of kube-proxy's iptables mode beside its IPVS mode (${ipvs}), which never rewrites this chain: it rejects the service even with endpoints`
      });
      return;
    }
    const chain = firstServiceChain(nat);
    if (chain === null) return;
    context.report({
      range: chain.rules[0].range,
      message: `kube-proxy's iptables-mode chain \`${chain.name}\` beside its IPVS-mode chain ${ipvs}: one mode's rules are left over from a mode switch`
    });
  }
};
function firstServiceReject(filter2) {
  for (const name of IPTABLES_REJECT_CHAINS) {
    const found = filter2.chains.get(name)?.rules.find((rule) => filter2.target(rule)?.name === "REJECT");
    if (found !== void 0) return found;
  }
  return null;
}
function firstServiceChain(nat) {
  for (const name of nat.declaredNames()) {
    if (!IPTABLES_SERVICE_CHAIN.test(name)) continue;
    const chain = nat.chains.get(name);
    if (chain !== void 0 && chain.rules.length > 0) return { name, rules: chain.rules };
  }
  return null;
}

// rules/repeated-option/rule.ts
var ID33 = "repeated-option";
var repeatedOption = {
  id: ID33,
  description: "an option given twice where iptables takes it once (`--comment a --comment b`, `-s` twice): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = ruleLineAt(context.document, representative);
      if (line === null) continue;
      const reading = readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => repeatOf(instance) !== null)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = ruleLineAt(context.document, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          const repeat = repeatOf(instance);
          if (repeat === null) continue;
          const view = like.view;
          const name = instance.extension.kind === "match" ? `-m ${instance.extension.name}` : `-j ${instance.extension.name}`;
          context.report({
            range: view.range(repeat.again.element),
            message: `\`${view.name(repeat.again.element)}\` of \`${name}\` is given twice: iptables-restore refuses the line ("${repeat.said}")`
          });
        }
      }
    }
    for (const n of linesRepeatingOnceOptions(document.source.lexed)) reportBuiltin2(context, n);
  }
};
function reportBuiltin2(context, n) {
  const line = ruleLineAt(context.document, n);
  if (line === null) return;
  const view = line.view;
  const seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role !== "generic" && role !== "counters") continue;
    const letter = ONCE_BUILTINS[view.name(i)];
    if (letter === void 0) continue;
    if (seen.has(letter)) {
      context.report({
        range: view.range(i),
        message: `\`${view.name(i)}\` is given twice: iptables-restore refuses the line ("multiple -${letter} flags not allowed")`
      });
      return;
    }
    seen.add(letter);
  }
}
function repeatOf(instance) {
  const { extension, given } = instance;
  const seen = /* @__PURE__ */ new Set();
  for (const g of given) {
    if (seen.has(g.key)) {
      if (g.option.invert === null) {
        const group = ONCE_GROUPS.find((o) => o.kind === extension.kind && o.extension === extension.name && o.options.includes(g.key));
        if (group !== void 0) return { again: g, said: group.message };
      } else if (!g.option.multi || g.option.excludes?.includes(g.key)) {
        return { again: g, said: `${extension.name}: option "${g.key}" can only be used once.` };
      }
    }
    seen.add(g.key);
  }
  return null;
}

// rules/security-jump-shadowed/rule.ts
var ID34 = "security-jump-shadowed";
var isBanChain = (name) => name.startsWith("f2b-") || name.startsWith("fail2ban-") || name === "CROWDSEC_CHAIN" || name.startsWith("crowdsec-") || name === "sshguard";
var NEW = { field: "ctstate", negated: false, states: /* @__PURE__ */ new Set(["NEW"]) };
var NEW_ONLY = { atoms: [NEW], decidable: true };
var BAN_TARGETS = /* @__PURE__ */ new Set(["DROP", "REJECT", "RETURN"]);
var STATEFUL_MATCHES2 = /* @__PURE__ */ new Set(["recent", "limit", "hashlimit", "quota", "statistic", "connbytes"]);
var securityJumpShadowed = {
  id: ID34,
  description: "a jump to a ban chain (fail2ban, crowdsec, sshguard) comes after an ACCEPT that already takes every new connection it would check: banned hosts get in",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    const filter2 = context.model.tables().find((t) => t.table.name === "filter" || t.table.name === null);
    const family = context.model.family()?.family ?? 4;
    if (filter2 === void 0) return;
    for (const id of filter2.chains.userChains()) {
      const name = filter2.nameOf(id);
      if (isBanChain(name)) checkBanChain(context, filter2, name, family);
    }
  }
};
function checkBanChain(context, table, ban, family) {
  const { document } = context;
  for (const n of table.linesTargeting(ban)) {
    const chainId = table.chainOf(n);
    if (chainId === NONE || !table.chains.keeps(n)) continue;
    const rules = table.chains.get(table.nameOf(chainId))?.rules ?? [];
    const at = rules.findIndex((r) => r.index === n);
    if (at <= 0) continue;
    const jump = rules[at];
    const jumpSet = matchSetOf(jump.view, family);
    if (!jumpSet.decidable || disjoint(jumpSet, NEW_ONLY)) continue;
    const checked = withAtoms(jumpSet, [NEW]);
    const accept2 = rules.slice(0, at).find((r) => table.target(r)?.name === "ACCEPT" && implies(checked, matchSetOf(r.view, family)));
    if (accept2 === void 0) continue;
    const fix2 = table.isGoto(n) ? null : moveFix(document, table, ban, accept2, jump);
    context.report({
      range: jump.range,
      message: `Banned hosts still get in: the ACCEPT at ${lineOf(accept2)} takes every new connection this jump to ${ban} would check, before it runs`,
      ...fix2 === null ? {} : { fix: fix2 }
    });
  }
}
function moveFix(document, table, ban, accept2, jump) {
  if (!table.appendOnly || accept2.command !== "append" || jump.command !== "append") return null;
  for (const rule of table.chains.get(ban)?.rules ?? []) {
    const target = table.target(rule);
    if (target === null || target.kind !== "jump" || !BAN_TARGETS.has(target.name)) return null;
    const view = rule.view;
    for (let i = 0; i < view.count; i++) if (view.role(i) === "match" && STATEFUL_MATCHES2.has((view.value(i) ?? "").toLowerCase())) return null;
  }
  const { lineStarts } = document.source.lexed;
  const text = document.text.slice(jump.range.start, jump.range.end);
  return {
    title: `move the jump to ${ban} above the ACCEPT at ${lineOf(accept2)}`,
    applicability: "unsafe",
    edits: [{ start: lineStarts[accept2.index], end: lineStarts[accept2.index], text: text + (jump.eol || accept2.eol || "\n") }, wholeLine(document, jump)]
  };
}

// rules/target-needs-protocol/rule.ts
var ID35 = "target-needs-protocol";
var TARGETS = ["TPROXY", "TCPMSS", "SYNPROXY", "TCPOPTSTRIP", "REJECT", "ECN"];
var targetNeedsProtocol = {
  id: ID35,
  description: "a target that works on one protocol without it in the rule (`REJECT --reject-with tcp-reset`, `TCPMSS`, `CT --helper` without `-p`): the kernel refuses it",
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document, model } = context;
    const index = model.lines;
    let facts = null;
    const look = (n) => {
      const line = document.line(n);
      if (line.kind !== "command" || line.command === "delete") return;
      facts ??= { family: model.family()?.family ?? null, backend: model.backend() };
      checkLine5(context, line, facts);
    };
    for (const n of index.linesWith({ targets: TARGETS })) {
      if (!index.protocolNeedsSurelyMet(n)) look(n);
    }
    for (const n of index.linesTargeting("CT")) look(n);
  }
};
function checkLine5(context, line, facts) {
  const view = line.view;
  const at = view.targetIndex();
  if (at === -1) return;
  const name = view.value(at);
  if (name === null) return;
  const protocol = ruleProtocol(view);
  if (protocolProblem(view, facts.family) !== null) return;
  const option2 = (names2) => {
    for (let i = at + 1; i < view.count; i++) if (names2.some((n) => view.is(i, n))) return i;
    return -1;
  };
  const isTcp = protocol !== null && protocol.name === "tcp" && !protocol.negated;
  const ruleIsFor = protocol === null ? "the rule has no `-p`" : `the rule is for \`${protocol.negated ? "! " : ""}-p ${protocol.text}\``;
  const tcpOnly = (range2, what, logged) => context.report({ range: range2, message: `${what} needs \`-p tcp\`, and ${ruleIsFor}: the kernel refuses it${logged === null ? "" : ` (it logs "${logged}")`}` });
  switch (name) {
    case "TPROXY":
      if (protocol === null || protocol.negated || protocol.name !== "tcp" && protocol.name !== "udp") {
        context.report({
          range: view.range(at),
          message: `TPROXY needs \`-p tcp\` or \`-p udp\`, and ${ruleIsFor}: the kernel refuses it (it logs "xt_TPROXY: Can be used only with -p tcp or -p udp")`
        });
      }
      return;
    case "TCPMSS":
      if (!isTcp) {
        tcpOnly(view.range(at), "TCPMSS", "TCPMSS target: only valid for protocol 6");
        return;
      }
      if (!hasSynMatch(view, at)) {
        let severity = "error";
        const message5 = 'TCPMSS without a match on SYN packets: iptables-legacy-restore refuses the table (the kernel logs "xt_TCPMSS: Only works on TCP SYN packets"), ' + (facts.backend === "nft" ? "iptables-nft, which wrote this dump, loads it" : "iptables-nft loads it");
        if (facts.backend === "nft") severity = "warning";
        const insertAt = view.range(protocol.element).end;
        const fix2 = hasFlagsMatch(view, at) ? void 0 : { title: "match SYN packets", applicability: "unsafe", edits: [{ start: insertAt, end: insertAt, text: " --tcp-flags SYN,RST SYN" }], ruleId: ID35 };
        context.report({ range: view.range(at), severity, message: message5, fix: fix2 });
      }
      return;
    case "SYNPROXY":
    case "TCPOPTSTRIP":
      if (!isTcp) tcpOnly(view.range(at), name, `${name} target: only valid for protocol 6`);
      return;
    case "REJECT": {
      const i = option2(["--reject-with"]);
      const value = i === -1 ? null : view.value(i);
      if ((value === "tcp-reset" || value === "tcp-rst") && !isTcp) {
        tcpOnly(view.range(i), `\`--reject-with ${value}\``, REJECT_TCP_RESET[facts.family ?? "unknown"]);
      }
      return;
    }
    case "ECN": {
      const i = option2(["--ecn-tcp-remove", "--ecn-tcp-cwr", "--ecn-tcp-ece"]);
      if (i !== -1 && !isTcp) tcpOnly(view.range(i), `\`${view.name(i)}\``, "ipt_ECN: cannot use operation on non-tcp rule");
      return;
    }
    case "CT": {
      const i = option2(["--helper"]);
      if (i !== -1 && (protocol === null || protocol.negated)) {
        context.report({
          range: view.range(i),
          message: `\`--helper ${view.value(i) ?? ""}\` needs \`-p tcp\` or \`udp\`, and ${ruleIsFor}: the kernel refuses it (it logs "You must specify a L4 protocol and not use inversions on it")`
        });
      }
      return;
    }
  }
}
var REJECT_TCP_RESET = {
  4: "ipt_REJECT: TCP_RESET invalid for non-tcp",
  6: "ip6t_REJECT: TCP_RESET illegal for non-tcp",
  unknown: null
};
function hasFlagsMatch(view, target) {
  for (let i = 0; i < target; i++) if (view.role(i) === "module" && (view.is(i, "--syn") || view.is(i, "--tcp-flags"))) return true;
  return false;
}
function hasSynMatch(view, target) {
  for (let i = 0; i < target; i++) {
    if (view.role(i) !== "module" || view.negated(i)) continue;
    if (view.is(i, "--syn")) return true;
    if (view.is(i, "--tcp-flags")) {
      const compared = view.values(i)[1] ?? "";
      if (compared.split(",").some((f) => f.toUpperCase() === "SYN" || f.toUpperCase() === "ALL")) return true;
    }
  }
  return false;
}

// rules/target-not-allowed-here/rule.ts
var ID36 = "target-not-allowed-here";
var targetNotAllowedHere = {
  id: ID36,
  description: "a target in a table or chain where the kernel refuses it (MASQUERADE outside nat POSTROUTING, REJECT outside filter, ...): the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const facts = { backend: null };
    let known = false;
    for (const name of BOUND_TARGETS) {
      const numbers = model.lines.linesTargeting(name);
      if (numbers.length === 0) continue;
      if (!known) {
        known = true;
        facts.backend = model.backend();
      }
      for (const table of document.tables) {
        if (table.name === null) continue;
        const tableModel = model.tableOf(table);
        const commands = numbers.filter((n) => {
          const step = tableModel.stepOf(n);
          return step !== 0 /* None */ && step !== 5 /* Declaration */;
        });
        if (commands.length > 0) checkTable5(context, tableModel, name, BINDINGS[name], commands, facts);
      }
    }
    for (const table of document.tables) if (table.name === "nat") checkDropInNat(context, model.tableOf(table));
  }
};
var DROP_IN_NAT = 'The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.';
function checkDropInNat(context, table) {
  for (const n of table.linesTargeting("DROP")) {
    const line = context.document.line(n);
    if (line.kind !== "command") continue;
    context.report({ range: targetRange(line), message: `\`${line.view.written(line.view.targetIndex())}\` in nat: iptables refuses the line ("${DROP_IN_NAT}")` });
  }
}
function checkTable5(context, table, name, binding, numbers, facts) {
  const { document } = context;
  const tableName2 = table.table.name;
  if (table.chains.isUserChain(name)) return;
  const node = (n) => document.line(n);
  const applies = (n) => table.stepOf(n) !== 4 /* Delete */ && table.chainOf(n) !== NONE && (!binding.whenOption || hasTargetOption(node(n), binding.whenOption));
  if (binding.tables && !binding.tables.includes(tableName2)) {
    for (const n of numbers) if (applies(n)) reportTable(context, node(n), name, binding, facts);
    return;
  }
  if (!binding.hooks) return;
  const builtins = BUILTIN_CHAINS[tableName2] ?? [];
  const forbidden = HOOKS.filter((hook) => builtins.includes(hook) && !binding.hooks.includes(hook));
  if (forbidden.length === 0) return;
  const kept = [];
  const chains = [];
  for (const n of numbers) {
    const chain = table.chainOf(n);
    if (chain === NONE || !applies(n) || !table.chains.keeps(n)) continue;
    kept.push(n);
    chains.push(chain);
  }
  const reaching = table.hooks.hooksReaching(forbidden, chains);
  kept.forEach((n, k) => {
    const wrong = reaching[k];
    if (wrong.length === 0) return;
    const line = node(n);
    const chain = line.chain;
    const isBuiltin = builtins.includes(chain);
    const used = isBuiltin ? wrong : HOOKS.filter((hook) => wrong.includes(hook) || builtins.includes(hook) && table.hooks.reaches(hook, chain));
    reportHooks(context, table, { line, name, binding, forbidden }, wrong, facts, used);
  });
}
function hasTargetOption(line, option2) {
  if (!line.text.includes(option2)) return false;
  const view = line.view;
  const target = view.targetIndex();
  if (target === -1) return false;
  for (let i = target + 1; i < view.count; i++) if (view.is(i, option2)) return true;
  return false;
}
function targetRange(line) {
  const view = line.view;
  const at = view.targetIndex();
  return at === -1 ? line.range : view.range(at);
}
function reportTable(context, line, name, binding, facts) {
  const tables = binding.tables;
  const tableName2 = line.table.name;
  const kernelName = binding.kernelName ?? name;
  const logged = binding.style === "secmark" ? `xt_${kernelName}: only valid in ${tables.map((t) => `'${t}'`).join(" or ")} table, not '${tableName2}'` : `${kernelName} target: only valid in ${tables[0]} table, not ${tableName2}`;
  const legacyOnly = binding.tableLegacyOnly === true;
  context.report({
    range: targetRange(line),
    severity: legacyOnly && facts.backend === "nft" ? "warning" : "error",
    message: `\`-j ${name}\` in ${tableName2}: ${howItFails(logged, legacyOnly, facts)}`
  });
}
function reportHooks(context, table, p, wrong, facts, used) {
  const { line, name, binding } = p;
  const chain = line.chain;
  const isBuiltin = (BUILTIN_CHAINS[table.table.name] ?? []).includes(chain);
  const allowed = binding.hooks.join("/");
  const logged = binding.style === "tcpmss" ? "path-MTU clamping only supported in FORWARD, OUTPUT and POSTROUTING hooks" : `${binding.kernelName ?? name} target: used from hooks ${used.join("/")}, but only usable from ${allowed}`;
  const what = binding.whenOption ? `${name} ${binding.whenOption}` : name;
  const legacyOnly = binding.hooksCheckedInBuiltinOnlyByNft === true && !isBuiltin;
  const where = chainReachedFrom(table, chain, isBuiltin, wrong);
  context.report({
    range: targetRange(line),
    severity: legacyOnly && facts.backend === "nft" ? "warning" : "error",
    message: `\`-j ${what}\` in ${where}: ${howItFails(logged, legacyOnly, facts)}`
  });
}
var howItFails = (logged, legacyOnly, facts) => kernelRefusal(logged, legacyOnly, facts.backend);

// rules/undeclared-chain/rule.ts
var ID37 = "undeclared-chain";
var undeclaredChain = {
  id: ID37,
  description: "a rule or command on a chain the table does not declare, or declares only later: iptables-restore refuses the table",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const walk of context.model.tables()) {
      const table = walk.table;
      if (walk.partial) continue;
      const byChain = /* @__PURE__ */ new Map();
      for (const line of walk.missingChains) {
        const name = line.chain;
        if (isNameTooLong(name)) continue;
        let lines = byChain.get(name);
        if (lines === void 0) byChain.set(name, lines = []);
        lines.push(line);
      }
      for (const [name, lines] of byChain) {
        const first2 = lines[0];
        const move = moveDeclarationFix(context.document, walk, name);
        context.report({ range: first2.chainWord?.range ?? first2.range, message: message3(table, walk, name, lines), fix: move ?? void 0 });
      }
    }
  }
};
var COMMANDS = {
  append: "-A",
  insert: "-I",
  replace: "-R",
  delete: "-D",
  flush: "-F",
  zero: "-Z",
  "delete-chain": "-X",
  "rename-chain": "-E",
  other: "this command"
};
var NFT_ERRORS = {
  zero: "Bad built-in chain name.",
  delete: "Bad rule (does a matching rule exist in that chain?).",
  other: "Bad rule (does a matching rule exist in that chain?)."
};
function message3(table, walk, name, lines) {
  const first2 = lines[0];
  const command = COMMANDS[first2.command] ?? first2.commandWord.value;
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more line${lines.length > 2 ? "s" : ""})` : "";
  const refused = `iptables-restore refuses the table ("${NFT_ERRORS[first2.command] ?? "No chain/target/match by that name."}")`;
  const later = walk.declaredLater(name, first2);
  if (later) return `\`${command} ${name}\`${more} comes before ${name} is declared (${lineOf(later)}), so ${refused}`;
  const what = tablesWithBuiltin(name).length && table.name !== null ? `${table.name} has no built-in or user chain ${name}` : `${tableName(table)} has no chain ${name}`;
  return `\`${command} ${name}\`${more}: ${what}, so ${refused}`;
}

// rules/unknown-extension/rule.ts
var ID38 = "unknown-extension";
var unknownExtension = {
  id: ID38,
  description: "`-m NAME` for a match iptables 1.8 does not ship (`-m conntrak`): iptables-restore refuses the line unless the node has the module (xtables-addons)",
  severity: "warning",
  fixable: "unsafe",
  schema: {
    type: "object",
    properties: {
      matches: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "match extensions the nodes have beyond iptables' own, e.g. xtables-addons' geoip"
      }
    },
    additionalProperties: false
  },
  check(context) {
    const extra = new Set(context.options?.matches ?? []);
    const unknown = (name) => !extra.has(name) && findExtension("match", name, null) === void 0;
    const { document, model } = context;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || !unknownMatches(line, unknown).length) continue;
      for (const n of shapes.linesLike(representative)) {
        const other = document.line(n);
        if (other.kind === "command") for (const i of unknownMatches(other, unknown)) report9(context, other, i);
      }
    }
  }
};
function unknownMatches(line, unknown) {
  const view = line.view;
  const out = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "match") continue;
    const name = view.value(i);
    if (name !== null && unknown(name)) out.push(i);
  }
  return out;
}
var ALL_MATCHES = matchNames(null);
function report9(context, line, at) {
  const view = line.view;
  const name = view.value(at);
  const nearest2 = nearestName(name, ALL_MATCHES, name.length <= 5 ? 1 : 2);
  const refused = `iptables-restore refuses the line unless the node has it ("Couldn't load match \`${name}'")`;
  const message5 = nearest2 !== void 0 ? `\`-m ${name}\` is no match of iptables 1.8 (\`${nearest2}\` is): ${refused}` : `\`-m ${name}\` is no match of iptables 1.8: ${refused}`;
  const range2 = view.range(at);
  const text = line.source.text;
  const fix2 = nearest2 !== void 0 && text.slice(range2.end - name.length, range2.end) === name && text[range2.end - name.length - 1] === " " ? { title: `load \`${nearest2}\``, applicability: "unsafe", edits: [{ start: range2.end - name.length, end: range2.end, text: nearest2 }], ruleId: ID38 } : void 0;
  context.report({ range: range2, message: message5, fix: fix2 });
}

// rules/unknown-option/rule.ts
var ID39 = "unknown-option";
var unknownOption2 = {
  id: ID39,
  description: 'an option that no match or target of the line has, nor iptables itself (`--icmpc6-type`): iptables-restore refuses the line ("unknown option")',
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      if (!hasUnknownOption(lineAt(document, representative), family)) continue;
      for (const n of shapes.linesLike(representative)) {
        const line = lineAt(document, n);
        if (line !== null) report10(context, line, family);
      }
    }
  }
};
function lineAt(document, n) {
  const line = document.line(n);
  return line.kind === "command" ? line : null;
}
var readings = /* @__PURE__ */ new WeakMap();
function hasUnknownOption(line, family) {
  return line !== null && read(line, family) !== null;
}
function read(line, family) {
  if (readings.has(line)) return readings.get(line);
  const reading = readLine2(line, family);
  readings.set(line, reading);
  return reading;
}
function readLine2(line, family) {
  const view = line.view;
  const extensions = [];
  let protocol = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if ((role === "generic" || role === "module") && isProtocolOption5(view.name(i))) protocol = view.value(i);
    else if (role === "match" || role === "jump" || role === "goto") {
      const name = view.value(i);
      if (name === null) return null;
      const extension = findExtension(role === "match" ? "match" : "target", name, family);
      if (extension !== void 0) {
        if (!extensions.includes(extension)) extensions.push(extension);
      } else if (role === "match" || hasOptionsAfter2(view, i)) return null;
    }
  }
  if (protocol !== null) {
    const implicit = implicitMatch(protocol, family);
    if (implicit !== void 0 && !extensions.includes(implicit)) extensions.push(implicit);
  }
  const space = optionSpace(extensions, family);
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "module") continue;
    const spelling = view.name(i);
    if (space.knows(spelling)) continue;
    const owners2 = PROTOCOL_OPTION_OWNERS.get(spelling);
    if (owners2 !== void 0 && !owners2.some((p) => extensions.includes(implicitMatch(p, null)))) return null;
    return { view, extensions, unknown: i };
  }
  return null;
}
var isProtocolOption5 = (name) => name === "-p" || name.length >= 5 && "--protocol".startsWith(name);
var hasOptionsAfter2 = (view, at) => {
  for (let i = at + 1; i < view.count; i++) if (view.role(i) === "module") return true;
  return false;
};
function ownersOf(spelling, family) {
  return EXTENSIONS.filter((e) => (family === null || e.families.includes(family)) && optionsOf(e, family).some((o) => o.names.includes(spelling)));
}
var nameOf3 = (e) => e.kind === "match" ? `-m ${e.name}` : `-j ${e.name}`;
function report10(context, line, family) {
  const reading = read(line, family);
  if (reading === null) return;
  const { view, extensions, unknown } = reading;
  const spelling = view.name(unknown);
  const refused = `iptables-restore refuses the line ("unknown option "${spelling}"")`;
  const named = extensions.filter((e) => e.name !== "standard").map((e) => `\`${nameOf3(e)}\``);
  const loaded = named.length === 0 ? "iptables" : `iptables or ${named.join(", ")}`;
  const owners2 = ownersOf(spelling, family);
  const space = optionSpace(extensions, family);
  const renamed = extensions.map((e) => ({ e, h: historyOf(e.kind, e.name, spelling) })).find((r) => r.h?.replacedBy !== void 0);
  const otherFamily = family === null ? [] : ownersOf(spelling, family === 4 ? 6 : 4).filter((e) => extensions.includes(e));
  const nearest2 = renamed !== void 0 ? renamed.h.replacedBy : owners2.length > 0 || otherFamily.length > 0 ? void 0 : space.nearest(spelling);
  let message5;
  if (otherFamily.length > 0 && renamed === void 0 && owners2.length === 0) {
    message5 = `\`${spelling}\` is an option of ${family === 4 ? "ip6tables" : "iptables"}' \`${nameOf3(otherFamily[0])}\` only: ${refused}`;
  } else if (renamed !== void 0) message5 = `\`${spelling}\` of \`${nameOf3(renamed.e)}\` is now \`${nearest2}\`: ${refused}`;
  else if (owners2.length > 0) message5 = `\`${spelling}\` is an option of \`${nameOf3(owners2[0])}\`, which the line does not load: ${refused}`;
  else if (nearest2 !== void 0) message5 = `\`${spelling}\` is no option of ${loaded} (\`${nearest2}\` is): ${refused}`;
  else message5 = `\`${spelling}\` is no option of ${loaded}: ${refused}`;
  const range2 = view.optionRange(unknown);
  const word = line.source.text.slice(range2.start, range2.end);
  const fix2 = nearest2 !== void 0 && word.startsWith(spelling) ? { title: `spell it \`${nearest2}\``, applicability: "unsafe", edits: [{ start: range2.start, end: range2.start + spelling.length, text: nearest2 }], ruleId: ID39 } : void 0;
  context.report({ range: view.range(unknown), message: message5, fix: fix2 });
}

// rules/unreachable-rule/rule.ts
var ID40 = "unreachable-rule";
var FINAL = ["ACCEPT", "DROP", "REJECT", "RETURN"];
var unreachableRule = {
  id: ID40,
  description: "a rule after an unconditional ACCEPT, DROP, REJECT, RETURN or goto in the same chain: no packet ever reaches it",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    for (const table of context.model.tables()) checkTable6(context, table);
  }
};
function checkTable6(context, table) {
  const { document } = context;
  const final = new Set(FINAL.map((name) => table.idOf(name)).filter((id) => id !== NONE));
  const dead = /* @__PURE__ */ new Map();
  table.chains.forEachRule((n, chain) => {
    const catchAll = dead.size ? dead.get(chain) : void 0;
    if (catchAll !== void 0) {
      report11(context, table, document.line(n), table.nameOf(chain), catchAll);
      return;
    }
    const target = table.targetOf(n);
    if (target === NONE || !(final.has(target) || table.isGoto(n))) return;
    const line = document.line(n);
    if (isUnconditional2(line)) dead.set(chain, line);
  });
}
function report11(context, table, line, chain, catchAll) {
  const deletable = line.command === "append" || line.command === "insert";
  context.report({
    range: line.range,
    message: message4(chain, catchAll, table.target(catchAll)),
    fix: deletable ? { title: "delete the unreachable rule", applicability: "unsafe", edits: [wholeLine(context.document, line)] } : void 0
  });
}
function isUnconditional2(line) {
  const rule = line.rule;
  if (rule === null || rule.generic.length > 0) return false;
  return rule.matches.every((match) => match.name === "comment");
}
function message4(chain, catchAll, target) {
  const verdict = target.kind === "goto" ? `\`-g ${target.name}\`` : `\`-j ${target.name}\``;
  const what = target.kind === "goto" ? `sends every packet to ${target.name} for good` : target.name === "RETURN" ? `returns every packet from ${chain}` : "gives every packet its verdict";
  return `No packet reaches this rule: the unconditional ${verdict} at ${lineOf(catchAll)} ${what}, so no rule after it in ${chain} matches`;
}

// rules/stray-argument/rule.ts
var ID41 = "stray-argument";
var strayArgument = {
  id: ID41,
  description: 'a word no option takes (`-s 10.0.0.1 10.0.0.2`, `-j ACCEPT extra`, `-i -j ACCEPT`): iptables refuses the line ("Bad argument")',
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const checked = /* @__PURE__ */ new Set();
    for (const n of linesWithWordRuns(document)) {
      checked.add(n);
      reportLine(context, n, family);
    }
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || firstStray(line, family) === null) continue;
      for (const n of shapes.linesLike(representative)) if (!checked.has(n)) reportLine(context, n, family);
    }
  }
};
function reportLine(context, n, family) {
  const line = context.document.line(n);
  if (line.kind !== "command") return;
  const stray = firstStray(line, family);
  if (stray === null) return;
  const { option: option2, taken, word, range: range2 } = stray;
  const tookOption = taken.length === 1 && /^-/.test(taken[0]) && !/^-\d/.test(taken[0]);
  const message5 = tookOption ? `\`${option2}\` takes \`${taken[0]}\` as its value, which leaves \`${word}\` to no option: iptables refuses the line ("Bad argument \`${word}'")` : `\`${word}\` follows \`${[option2, ...taken].join(" ")}\`, and ${option2} takes ${words(taken.length)}: iptables refuses the line ("Bad argument \`${word}'")`;
  context.report({ range: range2, message: message5 });
}
var words = (count) => count === 0 ? "no value" : count === 1 ? "one word" : `${count} words`;
var FAMILY_OPTIONS = { "-4": 4, "--ipv4": 4, "-6": 6, "--ipv6": 6 };
function firstStray(line, family) {
  const view = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    const option2 = view.name(i);
    const count = optionValueCount(option2);
    if (count === null) continue;
    if (Object.hasOwn(FAMILY_OPTIONS, option2) && FAMILY_OPTIONS[option2] !== family) return null;
    const values2 = view.values(i);
    const written = text.slice(view.optionRange(i).start, view.optionRange(i).end);
    const inline = written.startsWith("--") && written.includes("=") ? 1 : 0;
    const own = Math.max(0, count - inline);
    if (values2.length <= own) continue;
    const range2 = view.valueRange(i, own);
    if (range2 === null) continue;
    const word = decodeWord(text.slice(range2.start, range2.end));
    if (word.startsWith("#") || word.startsWith("[unsupported")) return null;
    if (own === 0 && view.role(i) === "module" && loadsUnknownExtension(view, family)) return null;
    return { option: option2, taken: values2.slice(0, own), word, range: range2 };
  }
  return null;
}
function loadsUnknownExtension(view, family) {
  let unknownTarget = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "module" && unknownTarget) return true;
    if (role !== "match" && role !== "jump" && role !== "goto") continue;
    const name = view.value(i);
    if (name === null) return true;
    const known = findExtension(role === "match" ? "match" : "target", name, family) !== void 0;
    if (!known && role === "match") return true;
    unknownTarget = !known;
  }
  return false;
}

// rules/unterminated-quote/rule.ts
var ID42 = "unterminated-quote";
var shown2 = (text) => text.length > 40 ? `${text.slice(0, 37)}...` : text;
var unterminatedQuote = {
  id: ID42,
  description: "a `\"` never closed on a rule's line: iptables takes the rest of the line and its line end as one value, refused by most options and unrestorable once saved in free text",
  severity: "error",
  fixable: false,
  check(context) {
    const { document } = context;
    for (const quote2 of document.openQuotes) {
      const index = document.source.positionAt(quote2.start).line - 1;
      if (document.kindOf(index) !== "command") continue;
      const line = document.line(index);
      const rest = document.text.slice(quote2.start, quote2.end).trimEnd();
      const option2 = optionOf(line, quote2.start);
      const message5 = option2 !== null && FREE_TEXT_OPTIONS.has(option2) ? `\`${shown2(rest)}\` is never closed: \`${option2}\` takes the rest of the line and its line end, so iptables-save prints a dump iptables-restore refuses` : `\`${shown2(rest)}\` is never closed: iptables takes the rest of the line and its line end as one value, and refuses the line`;
      context.report({ range: { start: quote2.start, end: quote2.start + rest.length }, message: message5 });
    }
  }
};
function optionOf(line, at) {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const range2 = view.range(i);
    if (at >= range2.start && at < range2.end && at >= view.optionRange(i).end) return view.name(i);
  }
  return null;
}

// rules/unused-chain/rule.ts
var ID43 = "unused-chain";
var KUBE_HELPERS = /* @__PURE__ */ new Set(["KUBE-IPTABLES-HINT", "KUBE-MARK-DROP", "KUBE-MARK-MASQ"]);
var MAX_REFERRERS = 3;
function exempt(options) {
  const patterns = (options?.ignore ?? []).map(
    (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`)
  );
  return (name) => name.endsWith("-CANARY") || KUBE_HELPERS.has(name) || patterns.some((p) => p.test(name));
}
var unusedChain = {
  id: ID43,
  description: "a user chain that no built-in chain reaches (Kubernetes' *-CANARY, KUBE-IPTABLES-HINT and KUBE-MARK-* chains excepted): its rules never see a packet",
  severity: "warning",
  fixable: false,
  schema: {
    type: "object",
    properties: {
      ignore: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "chains that are meant to have no jump to them: names, or patterns with * (e.g. f2b-*)"
      }
    },
    additionalProperties: false
  },
  check(context) {
    const isExempt = exempt(context.options);
    for (const model of context.model.tables()) {
      const table = model.table;
      if (model.partial) continue;
      const reach = model.chains.unreached(isExempt);
      for (const chain of reach.unreached) {
        const name = chain.name;
        const declaration = chain.declaration;
        const range2 = declaration.kind === "chain" ? declaration.header.range : declaration.chainWord?.range ?? declaration.range;
        const referrers = reach.referrers(chain);
        const count = chain.rules;
        const rules = count === 0 ? "and it is empty" : `so its ${count === 1 ? "rule never sees" : `${count} rules never see`} a packet`;
        const shown3 = referrers.slice(0, MAX_REFERRERS);
        const why = referrers.length ? `only ${referrers.length > shown3.length ? `${shown3.join(", ")} and ${referrers.length - shown3.length} more` : listOf(shown3)} jump${referrers.length > 1 ? "" : "s"} to it, and no built-in chain reaches ${referrers.length > 1 ? "them" : "it"}` : `no rule of ${tableName(table)} jumps or goes to it`;
        context.report({ range: range2, message: `The user chain ${name} is never entered: ${why}, ${rules}` });
      }
    }
  }
};

// rules/index.ts
var allRules = [
  lineEnds,
  commentAfterRule,
  strayArgument,
  unterminatedQuote,
  oldNegationSyntax,
  inlineOptionValue,
  optionNeedsProtocol,
  targetNeedsProtocol,
  unknownExtension,
  unknownOption2,
  invalidOptionValue,
  missingOption,
  conflictingOptions,
  optionCannotBeNegated,
  repeatedOption,
  optionNeedsNewerIptables,
  addressFamilyMismatch,
  otherFamilyLine,
  targetNotAllowedHere,
  matchNotAllowedHere,
  multiportTooManyPorts,
  interfaceDirection,
  queueTarget,
  masqueradeMarkNotCleared,
  markBitConflict,
  icmpv6NdBlocked,
  ipv6LeftOpen,
  jumpToUndefinedChain,
  undeclaredChain,
  chainDeclaration,
  chainNameTooLong,
  unreachableRule,
  duplicateRule,
  unusedChain,
  // Dumps that are not the whole node, and kube-proxy's hazards (issue 14).
  dumpUnsupportedRevision,
  dumpIncompleteTable,
  iptablesBackendSplit,
  foreignJumpIntoKubeChain,
  staleProxyModeRules,
  kubeLocalnetExposed,
  // Hazards found with the packet walk (issue 14).
  forwardDropStrandsTraffic,
  publishedPortBypassesInput,
  rawDropShadowsFilterAccept,
  securityJumpShadowed
];

// src/builtin-findings.ts
var PACKET_ASSERTION = "packet-assertion";
var UNUSED_SUPPRESSION = "unused-suppression";
var INVALID_SUPPRESSION = "invalid-suppression";
var SYNTAX_FINDING = {
  id: SYNTAX,
  description: "what iptables-restore would refuse to read: words over 1023 bytes, more than 251 words on a line, lines that are not commands, stray `!`, commands outside a table, missing COMMIT, malformed counters",
  severity: "error"
};
var SUPPRESSION_FINDINGS = [
  {
    id: UNUSED_SUPPRESSION,
    description: "an `iptlint-disable` comment that suppresses no finding (severity: reportUnusedSuppressions, warning by default)",
    severity: "warning"
  },
  {
    id: INVALID_SUPPRESSION,
    description: "an `iptlint-disable` comment that names an unknown rule, names `syntax`, or is misspelt, so it suppresses nothing",
    severity: "warning"
  }
];
var PACKET_ASSERTION_FINDING = {
  id: PACKET_ASSERTION,
  description: "a packet case of `iptlint test --cases` whose expectation the ruleset does not meet",
  severity: "error"
};
var BUILTIN_FINDINGS = [SYNTAX_FINDING, ...SUPPRESSION_FINDINGS, PACKET_ASSERTION_FINDING];

// src/lazy.ts
import { createRequire } from "node:module";
var modules = {
  ajv: () => __require("./lib/ajv.cjs"),
  cosmiconfig: () => __require("./lib/cosmiconfig.cjs"),
  diff: () => __require("./lib/diff.cjs"),
  "fastest-levenshtein": () => require_mod(),
  picomatch: () => __require("./lib/picomatch.cjs"),
  tinyglobby: () => __require("./lib/tinyglobby.cjs"),
  yaml: () => __require("./lib/yaml.cjs"),
  "node:child_process": () => __require("node:child_process"),
  "node:crypto": () => __require("node:crypto"),
  "node:os": () => __require("node:os"),
  "node:worker_threads": () => __require("node:worker_threads")
};
var load = typeof __require === "function" ? (id) => modules[id]() : (id) => createRequire(import.meta.url)(id);
function lazyModule(id) {
  let loaded;
  return () => loaded ??= load(id);
}

// src/config/nearest.ts
var levenshtein = lazyModule("fastest-levenshtein");
function nearest(word, candidates) {
  const lower = word.toLowerCase();
  const extended = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && extended.length === 1) return extended[0];
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein().distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}

export {
  parseUint32,
  parseValueMask,
  parseCounter,
  TokenCode,
  isRuleOptionCode,
  optionValueCount,
  MAX_WORD_LENGTH,
  MAX_WORDS_PER_LINE,
  rewrittenLines,
  decodeWord,
  readTarget,
  targetName,
  inlineValue,
  roleOfCode,
  LineView,
  Source,
  SourceNode,
  SpanNode,
  Word2 as Word,
  InlineValueWord,
  OptionNode,
  MatchNode,
  TargetNode,
  CountersNode,
  bracketCounters,
  genericNameOf,
  RuleNode,
  LineNodeBase,
  LineWords,
  BlankLine,
  CommentLine,
  InvalidLine,
  TableHeaderLine,
  ChainDeclaration,
  CommitLine,
  CommandLine,
  Table,
  commandKindOf,
  SYNTAX,
  parse,
  reparse,
  detachedDocument,
  print,
  printLine,
  appendsOnly,
  familyOfName,
  modelOf,
  chainsNamed,
  parseAddress,
  formatAddress,
  PacketSyntaxError,
  parsePacket,
  NodeInputError,
  NodeInfo,
  TraceError,
  tracePacket,
  OTHER_FAMILY_LINE,
  allRules,
  PACKET_ASSERTION,
  UNUSED_SUPPRESSION,
  INVALID_SUPPRESSION,
  SYNTAX_FINDING,
  SUPPRESSION_FINDINGS,
  PACKET_ASSERTION_FINDING,
  BUILTIN_FINDINGS,
  lazyModule,
  nearest
};
/*! Bundled license information:

lodash-es/lodash.js:
  (**
   * @license
   * Lodash (Custom Build) <https://lodash.com/>
   * Build: `lodash modularize exports="es" -o ./`
   * Copyright OpenJS Foundation and other contributors <https://openjsf.org/>
   * Released under MIT license <https://lodash.com/license>
   * Based on Underscore.js 1.8.3 <http://underscorejs.org/LICENSE>
   * Copyright Jeremy Ashkenas, DocumentCloud and Investigative Reporters & Editors
   *)
*/
