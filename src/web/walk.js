// Newsmark's DOM walker (DOM layer): copies a document into flat records that dom.rs
// decodes into a page::Page snapshot, with exactly the rules of dom.rs's Rust walk (the
// fallback when this file is absent).
//
// Why JavaScript: walking from wasm costs 8 to 12 crossings of the wasm/JS boundary per
// node (a getter call each, one string copy per text and attribute); this walk is one
// crossing for the whole page, returning one string and one Int32Array. The rules stay
// in Rust: the kept attributes, skipped tags, host id and limits are passed in.
//
// Getters are taken from the prototypes and called on the nodes, never read as
// properties: a <form> (or the document) exposes its named controls as properties, so
// `form.firstChild` can be an <input name="firstChild">. Text and Attr objects have no
// named properties and are read directly.
//
// scripts/build_extension.py prepends this file to the wasm-bindgen glue, whose import
// `NewsmarkWalk.read` resolves to the binding below. Plain JS: no eval, no new Function.
const NewsmarkWalk = (() => {
  let g = null;
  let listKey = null;
  let kept = null;
  let skipped = null;

  // Taken on the first read, not at load: the glue also runs where there is no DOM (the
  // extension's background worker).
  function getters() {
    if (g) return g;
    const get = (ctor, name) => {
      const d = ctor && Object.getOwnPropertyDescriptor(ctor.prototype, name);
      if (!d || typeof d.get !== 'function') throw new TypeError(`no getter ${name}`);
      return d.get;
    };
    const method = (ctor, name) => {
      const f = ctor && ctor.prototype[name];
      if (typeof f !== 'function') throw new TypeError(`no method ${name}`);
      return f;
    };
    g = {
      firstChild: get(globalThis.Node, 'firstChild'),
      nextSibling: get(globalThis.Node, 'nextSibling'),
      nodeType: get(globalThis.Node, 'nodeType'),
      textContent: get(globalThis.Node, 'textContent'),
      localName: get(globalThis.Element, 'localName'),
      attributes: get(globalThis.Element, 'attributes'),
      shadowRoot: get(globalThis.Element, 'shadowRoot'),
      contentDocument: get(globalThis.HTMLIFrameElement, 'contentDocument'),
      body: get(globalThis.Document, 'body'),
      data: get(globalThis.CharacterData, 'data'),
      attrName: get(globalThis.Attr, 'localName'),
      attrValue: get(globalThis.Attr, 'value'),
      getAttributeNames: method(globalThis.Element, 'getAttributeNames'),
      getAttribute: method(globalThis.Element, 'getAttribute'),
    };
    return g;
  }

  // ASCII lower case only, as Rust's to_ascii_lowercase (toLowerCase also maps non-ASCII
  // letters, some to ASCII ones).
  const UPPER = /[A-Z]+/g;
  const lowerAscii = (s) => (s.toLowerCase() === s ? s : s.replace(UPPER, (m) => m.toLowerCase()));

  // What a qualified attribute name allows (see readAttrs), cached: names repeat.
  const UNSAFE = 0;
  const OTHER = 1;
  const KEPT = 2;
  let nameKind = new Map();
  function kindOf(k, kept) {
    let c = nameKind.get(k);
    if (c === undefined) {
      c = k.indexOf(':') >= 0 || k.toLowerCase() !== k ? UNSAFE : kept.has(k) ? KEPT : OTHER;
      if (nameKind.size > 10000) nameKind = new Map();
      nameKind.set(k, c);
    }
    return c;
  }

  // The kept attributes of element `el` as [name, value, ...]. Qualified names and
  // getAttribute are much faster than the Attr objects of `attributes`, and give the same
  // when every name is its own local name (no prefix), is lower case (getAttribute lower-
  // cases its argument) and no kept name repeats (attributes of two namespaces); else the
  // Attr objects are read.
  function readAttrs(G, el, kept) {
    const names = G.getAttributeNames.call(el);
    const at = [];
    for (let i = 0; i < names.length; i++) {
      const k = names[i];
      const c = kindOf(k, kept);
      if (c === UNSAFE) return readAttrsSlow(G, el, kept);
      if (c === KEPT) {
        for (let j = 0; j < at.length; j += 2) if (at[j] === k) return readAttrsSlow(G, el, kept);
        const v = G.getAttribute.call(el, k);
        if (typeof v !== 'string') return readAttrsSlow(G, el, kept);
        at.push(k, v);
      }
    }
    return at;
  }

  function readAttrsSlow(G, el, kept) {
    const at = [];
    const map = G.attributes.call(el);
    if (map == null) return at;
    for (let i = 0, len = map.length; i < len; i++) {
      const a = map[i];
      if (a == null) continue;
      const k = lowerAscii(G.attrName.call(a));
      if (kept.has(k)) at.push(k, G.attrValue.call(a));
    }
    return at;
  }

  // UTF-8 length of a JS string as Rust receives it (a lone surrogate becomes U+FFFD).
  function utf8Length(t) {
    let b = 0;
    for (let i = 0, n = t.length; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if ((c & 0xfc00) === 0xd800 && i + 1 < n && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        b += 4;
        i++;
      } else b += 3;
    }
    return b;
  }

  /**
   * Reads the subtree of `root` (an element). Returns {s, n, texts, truncated}: `s` every
   * string in record order; `n` the records, element [0, parent, tagLen, attrCount,
   * nameLen, valueLen, ...] and text [1, parent, len, hasDom] (lengths in UTF-16 units,
   * parent a record index or -1); `texts` the Text nodes with a handle, in order.
   * `keptAttrs`/`skippedTags` are space-separated lists; `maxTextBytes` counts UTF-8 bytes
   * like the Rust walk; `deadlineMs` is on the Date.now() clock (Infinity: none).
   */
  function read(root, keptAttrs, skippedTags, hostId, maxNodes, maxTextBytes, deadlineMs) {
    const G = getters();
    if (listKey !== keptAttrs + '|' + skippedTags) {
      kept = new Set(keptAttrs.split(' '));
      nameKind = new Map();
      skipped = new Set(skippedTags.split(' '));
      listKey = keptAttrs + '|' + skippedTags;
    }
    const pieces = [];
    const n = [];
    const texts = [];
    const path = [];
    let recs = 0;
    // Text size: UTF-16 units bound the UTF-8 bytes within [units, 3 * units], so the
    // exact count (a loop over every character) is only kept once it could matter.
    let units = 0;
    let bytes = -1;
    let truncated = false;

    // Exact UTF-8 bytes of every text recorded so far.
    const exactBytes = () => {
      let b = 0;
      for (let r = 0, p = 0; r < n.length; ) {
        if (n[r] === 0) {
          const count = n[r + 3];
          p += 1 + 2 * count;
          r += 4 + 2 * count;
        } else {
          b += utf8Length(pieces[p]);
          p += 1;
          r += 4;
        }
      }
      return b;
    };
    const countText = (t) => {
      if (bytes >= 0) bytes += utf8Length(t);
      else {
        units += t.length;
        if (units * 3 >= maxTextBytes) bytes = exactBytes();
      }
    };
    const pushElement = (parent, tag, at) => {
      n.push(0, parent, tag.length, at.length >> 1);
      pieces.push(tag);
      for (let i = 0; i < at.length; i++) {
        n.push(at[i].length);
        pieces.push(at[i]);
      }
      return recs++;
    };
    const pushText = (parent, t, node) => {
      n.push(1, parent, t.length, node === null ? 0 : 1);
      pieces.push(t);
      if (node !== null) texts.push(node);
      recs++;
      countText(t);
    };

    // A frame whose address is on another origin has no document to read, and asking
    // for it (ad frames, often several per page) costs more than the rest of the walk.
    const here = globalThis.location ? globalThis.location.origin : null;
    const elsewhere = (at) => {
      for (let i = 0; i < at.length; i += 2) {
        if (at[i] !== 'src' || !/^\s*https?:\/\//i.test(at[i + 1])) continue;
        try {
          return new URL(at[i + 1].trim()).origin !== here;
        } catch {
          return false;
        }
      }
      return false;
    };

    let cur = root;
    let parent = -1;
    while (cur != null) {
      if (
        recs >= maxNodes ||
        bytes >= maxTextBytes ||
        (recs % 1024 === 0 && recs > 0 && Date.now() >= deadlineMs)
      ) {
        truncated = true;
        break;
      }
      let descend = null;
      let descendIdx = -1;
      const type = G.nodeType.call(cur);
      if (type === 1) {
        const name = G.localName.call(cur);
        const tag = typeof name === 'string' ? lowerAscii(name) : '';
        const at = readAttrs(G, cur, kept);
        let ours = false;
        for (let i = 0; i < at.length; i += 2) if (at[i] === 'id' && at[i + 1] === hostId) ours = true;
        const skip = tag === '' || skipped.has(tag) || ours;
        // A same-origin frame's body reads as the frame's content; a cross-origin frame
        // has no contentDocument and is skipped like any frame.
        let frameRoot = null;
        if (tag === 'iframe' && !ours && !elsewhere(at)) {
          try {
            const d = G.contentDocument.call(cur);
            if (d != null) frameRoot = G.body.call(d);
          } catch {
            frameRoot = null;
          }
        }
        if (frameRoot != null) {
          descendIdx = pushElement(parent, tag, at);
          descend = frameRoot;
        } else if (!skip) {
          if (tag === 'script') {
            let ld = false;
            for (let i = 0; i < at.length; i += 2) {
              if (at[i] === 'type' && lowerAscii(at[i + 1]).includes('ld+json')) ld = true;
            }
            if (ld) {
              const idx = pushElement(parent, tag, at);
              const body = G.textContent.call(cur);
              pushText(idx, typeof body === 'string' ? body : '', null);
            }
          } else {
            const idx = pushElement(parent, tag, at);
            // An open shadow root's content is what the reader sees.
            const shadow = G.shadowRoot.call(cur);
            const first = G.firstChild.call(shadow != null ? shadow : cur);
            if (first != null) {
              descend = first;
              descendIdx = idx;
            }
          }
        }
      } else if ((type === 3 || type === 4) && parent !== -1) {
        const t = G.data.call(cur);
        if (typeof t === 'string' && t.length > 0) pushText(parent, t, cur);
      }
      if (descend !== null) {
        path.push(cur, parent);
        parent = descendIdx;
        cur = descend;
        continue;
      }
      // Next sibling, or climb until an ancestor has one. Never leave `root`.
      let next = cur === root ? null : G.nextSibling.call(cur);
      while (next == null && path.length > 0) {
        parent = path.pop();
        const up = path.pop();
        next = up === root ? null : G.nextSibling.call(up);
      }
      cur = next;
    }
    return { s: pieces.join(''), n: new Int32Array(n), texts, truncated };
  }

  return { read };
})();
