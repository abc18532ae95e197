#!/usr/bin/env python3
"""Main text of every page of an index by trafilatura, the peer in README's main-text table
(a measuring tool, never shipped).

usage: python3 tools/peers-text.py INDEX.jsonl OUT.json
needs: pip install trafilatura lxml_html_clean

OUT maps each page id to {"text": ...}, the shape `newsmark eval-pages` writes, so
`../shared/suites/score_text.py OUT.json --index INDEX.jsonl` scores it the same way.
"""
import json, os, sys

import trafilatura


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    index, out = sys.argv[1], sys.argv[2]
    base = os.path.dirname(os.path.abspath(index))
    preds = {}
    for line in open(index, encoding='utf-8'):
        if not line.strip():
            continue
        page = json.loads(line)
        with open(os.path.join(base, page['html']), 'rb') as f:
            html = f.read().decode('utf-8', errors='replace')
        try:
            text = trafilatura.extract(html, url=page.get('url') or None) or ''
        except Exception as e:  # one page's failure is that page's, not the run's
            text, preds[page['id']] = '', {'error': str(e)}
        preds.setdefault(page['id'], {})['text'] = text
    json.dump(preds, open(out, 'w', encoding='utf-8'))
    print(f'wrote {len(preds)} predictions to {out}', file=sys.stderr)


if __name__ == '__main__':
    main()
