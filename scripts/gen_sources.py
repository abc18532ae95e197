#!/usr/bin/env python3
"""Derives data/sources.tsv from Wikipedia's "Reliable sources/Perennial sources" list as
scraped in March 2021 (SHARED/sources/wikipedia_perennial_sources_2021-03.csv, CC BY-SA
3.0). The derived file stays CC BY-SA 3.0, with attribution in its header.

usage: gen_sources.py [SHARED_DATA_DIR]   (default ../shared/data)

One line an entry: id, status (the list's words, ';'-separated), name, scope, names
(';'-separated, what a page may call the outlet), addresses (space-separated host or
host/path, without "www."), article (the outlet's Wikipedia article), summary (the first
sentence of the editors' summary).

The scrape keeps some of the list's noise, cleaned by rules rather than by name:
- addresses with a query or a fragment are links to catalogues (Wikidata, library search
  pages), not the outlet's own site; so is an address given under entries of several
  different articles (journal abbreviation tools listed for every journal);
- an outlet whose only address is one page of its own site (an "about" page, a language
  home) owns the whole host, unless another entry owns the host or the page's first path
  segment is a word of the name the host lacks (a product section of a larger site);
- a scope lost by the scrape ("The Guardian" twice, one of them its blogs) is recovered
  from a sibling entry's "See also: The Guardian blogs".
"""
import csv, json, os, re, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATUS = {
    'Generally reliable': 'generally reliable',
    'Generally unreliable': 'generally unreliable',
    'No consensus': 'no consensus',
    'Deprecated': 'deprecated',
    'Blacklisted': 'blacklisted',
}


def clean(s):
    return re.sub(r'\s+', ' ', (s or '').replace('\t', ' ')).strip()


def squash(s):
    return re.sub(r'[^a-z0-9]', '', re.sub(r'^the\s+', '', s.lower()))


def split_name(name):
    """'Fox News (talk shows)' -> ('Fox News', 'talk shows', qualifier '', aliases [])."""
    groups = re.findall(r'\(([^()]*)\)', name)
    base = clean(re.sub(r'\([^()]*\)', '', name))
    scope, qualifier, aliases = '', '', []
    for g in groups:
        g = clean(g)
        if re.fullmatch(r'[A-Z]{2}', g) and g != ''.join(w[0] for w in base.split()).upper():
            qualifier = g
        elif g[:1].islower() or g[:1].isdigit() or g.startswith('pre-'):
            scope = g
        else:
            aliases += [clean(a).strip('"') for a in g.split(',') if clean(a)]
    return base, scope, qualifier, aliases


def address(url):
    """'www.afp.com/en' -> 'afp.com/en'; None for catalogue links."""
    u = url.strip().lstrip('/').lower()
    if not u or '?' in u or '#' in u:
        return None
    u = re.sub(r'^[a-z]+://', '', u).rstrip('/')
    host, _, path = u.partition('/')
    host = re.sub(r'^www\d?\.', '', host.split(':')[0]).strip('.')
    if path in ('index.html', 'index.htm', 'index.php'):
        path = ''
    if '.' not in host:
        return None
    return host + ('/' + path if path else '')


def main_label(host):
    labels = host.split('.')
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ('co', 'com', 'org', 'net', 'ac', 'gov'):
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else host


def first_sentence(text):
    text = clean(re.sub(r'\[\d+\]', '', text))
    out = ''
    for m in re.finditer(r'[.!?](?=\s+[A-Z"“(])', text):
        prev = text[:m.start()].rsplit(' ', 1)[-1]
        # "U.S." or "St." end abbreviations, not sentences.
        if len(prev) <= 2 or re.fullmatch(r'(?:[A-Za-z]\.)+[A-Za-z]', prev):
            continue
        out = text[:m.end()]
        if len(out) >= 60:
            return out
    return text


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data')
    src = os.path.join(shared, 'sources', 'wikipedia_perennial_sources_2021-03.csv')
    rows = list(csv.DictReader(open(src, encoding='utf-8')))
    entries = []
    for r in rows:
        base, scope, qualifier, aliases = split_name(clean(r['name']))
        status = [STATUS[s] for s in json.loads(r['status']) if s in STATUS] or ['under discussion']
        # Deprecated/unreliable first, "blacklisted" after it: the list's own order varies.
        status.sort(key=lambda s: s == 'blacklisted')
        addrs = [a for a in map(address, json.loads(r['urls'])) if a]
        # An alias written as a domain ("globalresearch.ca") is an address too.
        addrs += [a.lower() for a in [base] + aliases if re.fullmatch(r'[A-Za-z0-9-]+(\.[a-z]{2,})+', a)]
        entries.append(dict(id=r['id'], base=base, scope=scope, qualifier=qualifier, aliases=aliases,
                            status=status, addrs=list(dict.fromkeys(addrs)),
                            article=r['wiki_url'].strip(), info=clean(r['info'])))

    # Pages listed under several different articles are reference tools.
    articles_of = defaultdict(set)
    for e in entries:
        for a in e['addrs']:
            articles_of[a].add(e['article'])
    for e in entries:
        e['addrs'] = [a for a in e['addrs'] if '/' not in a or len(articles_of[a]) == 1]

    hosts_owned = defaultdict(set)  # host -> articles with a whole-host address on it
    for e in entries:
        for a in e['addrs']:
            if '/' not in a:
                hosts_owned[a].add(e['article'])
    for e in entries:
        if not e['addrs'] or any('/' not in a for a in e['addrs']):
            continue
        words = {squash(w) for w in re.split(r'[\s-]+', ' '.join([e['base']] + e['aliases'])) if w}
        names = [squash(n) for n in [e['base']] + e['aliases'] if squash(n)]
        promoted = []
        for a in e['addrs']:
            host, _, path = a.partition('/')
            label = main_label(host)
            owns_name = any(n in label or label in n for n in names if len(n) >= 2)
            seg = squash(path.split('/')[0])
            section = seg in words and seg not in label or seg == squash(e['base']) and seg != label
            if hosts_owned[host] - {e['article']} or not owns_name or section:
                continue
            promoted.append(host)
        e['addrs'] = list(dict.fromkeys(promoted + e['addrs']))
    # A page of someone else's site (a stock quote, a dictionary entry, a channel id) is
    # kept only when its path names the outlet.
    for e in entries:
        names = [squash(n) for n in [e['base']] + e['aliases'] if len(squash(n)) >= 3]
        def own(a):
            host, _, path = a.partition('/')
            label = main_label(host)
            return (not path or any(n in label or label in n for n in names)
                    or any(n in squash(path) for n in names))
        e['addrs'] = [a for a in e['addrs'] if own(a)]

    # Recover scopes the scrape dropped, from the siblings' "See also:".
    by_article = defaultdict(list)
    for e in entries:
        by_article[e['article']].append(e)
    for sibs in by_article.values():
        for e in sibs:
            if e['scope'] or len(sibs) < 2:
                continue
            for o in sibs:
                if o is e:
                    continue
                m = re.search(r'See also: (.*?)\.?$', o['info'])
                for item in (clean(x) for x in (m.group(1).split(',') if m else [])):
                    if not item.startswith(e['base'] + ' '):
                        continue
                    rest = item[len(e['base']):].strip()
                    if rest.startswith('(') and rest.endswith(')'):
                        rest = rest[1:-1]
                    if rest and not any(rest == s['scope'] or rest in s['aliases'] for s in sibs):
                        e['scope'] = rest

    path = os.path.join(ROOT, 'data', 'sources.tsv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write("# Wikipedia, \"Wikipedia:Reliable sources/Perennial sources\" "
                "(https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources), "
                "as of 2021-03-17 (scrape by Kudusch/wikipedia-perennial-sources); by Wikipedia "
                "editors, CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). "
                "Derived by scripts/gen_sources.py; this file is CC BY-SA 3.0.\n")
        f.write('# id\tstatus\tname\tscope\tnames\taddresses\tarticle\tsummary\n')
        for e in sorted(entries, key=lambda e: int(e['id'])):
            name = e['base'] + (f" ({e['qualifier']})" if e['qualifier'] else '')
            # A page may call itself by the main name, or by an alias of two words or more:
            # one-word aliases ("Observer", "Insider", "Mirror") name other outlets too.
            names = [e['base']] + [a for a in e['aliases']
                                   if len(re.sub(r'^The\s+', '', a).split()) >= 2 and '.' not in a]
            article = e['article'].replace('https://en.wikipedia.org/wiki/', '')
            f.write('\t'.join([e['id'], ';'.join(e['status']), name, e['scope'], ';'.join(names),
                               ' '.join(e['addrs']), article, first_sentence(e['info'])]) + '\n')
    print(f'{path}: {len(entries)} entries, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
