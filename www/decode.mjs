// Decodes a saved page's bytes as a browser would for these copies: valid UTF-8 is read as
// UTF-8 whatever it declares (converted copies often keep their old declaration); other
// bytes use their declared charset, else windows-1252. Shared by the eval and bench pages.

function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decode(buffer) {
  const bytes = new Uint8Array(buffer);
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  try {
    return new TextDecoder(m ? m[1] : 'windows-1252').decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
