#!/usr/bin/env python3
"""Derive Newsmark's compact officials data from the shared gazetteers.

usage: gen_data.py [SHARED_DATA_DIR]   (default: ../shared/data relative to the repo root)

Writes, deterministically, under data/ in the repo:
  countries.tsv  code \t names|... \t demonyms|...   (world-countries, ODbL 1.0, + our own rows)
  officials.tsv  name \t entry;entry;...  with entry = CC|category code|start|end|position line|source
                 first line: "#\tsource=horizon;..." (how far each source's knowledge reaches)
  positions.txt  position labels, one a line, numbered from 0   (Wikidata, CC0)
  roles.tsv      phrase \t category        (our own curated list, MIT OR Apache-2.0)
  places.tsv, organizations.tsv   (see gen_places.py)
Python 3 standard library only.
"""
import csv, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data')
OUT = os.path.join(ROOT, 'data')

# Countries and organisations the world-countries table lacks, or names it spells otherwise.
EXTRA_COUNTRIES = [
    ('SU', ['Soviet Union', 'USSR', 'U.S.S.R.'], ['Soviet']),
    ('US', ['U.S.', 'U.S', 'U.S.A.', 'America', 'United States'], ['American', 'U.S.']),
    ('GB', ['Britain', 'U.K.', 'England', 'Scotland', 'Wales'], ['British', 'English', 'Scottish', 'Welsh']),
    ('RU', ['Russian Federation'], []),
    ('KR', ['South Korea', 'Republic of Korea'], ['South Korean']),
    ('KP', ['North Korea', 'DPRK'], ['North Korean']),
    ('CN', ["People's Republic of China", 'Beijing'], ['Chinese']),
    ('TW', ['Taiwan', 'Taipei'], ['Taiwanese']),
    ('PS', ['Palestinian Territories', 'West Bank', 'Gaza'], ['Palestinian']),
    ('HK', ['Hong Kong'], ['Hong Kong']),
    ('UN', ['United Nations', 'UN', 'U.N.'], []),
    ('NATO', ['NATO', 'North Atlantic Treaty Organization'], []),
    ('EU', ['European Union', 'EU', 'E.U.', 'European Commission', 'European Council'], []),
    ('AU', [], ['Aussie']),
    ('WHO', ['World Health Organization', 'WHO'], []),
    ('IMF', ['International Monetary Fund', 'IMF'], []),
    ('OSCE', ['OSCE'], []),
    ('IAEA', ['International Atomic Energy Agency', 'IAEA'], []),
    ('ICC', ['International Criminal Court'], []),
    ('ICJ', ['International Court of Justice'], []),
    ('WTO', ['World Trade Organization'], []),
    ('ASEAN', ['ASEAN'], []),
    ('AUN', ['African Union'], []),
    ('OPEC', ['OPEC'], []),
]
# Alternative spellings that are ordinary words or too short to trust as country names.
BAD_ALT = {'Aruba'}


def countries():
    data = json.load(open(os.path.join(SRC, 'countries', 'world_countries_demonyms.json'), encoding='utf-8'))
    rows = {}
    name_to_code = {}
    for c in data:
        code = c['cca2']
        names = [c['name_common'], c['name_official']]
        for a in c.get('alt_spellings') or []:
            # Keep short codes only when they are the familiar ones (US, UK, UAE); drop local scripts.
            if a == code and a not in ('US', 'UK'):
                continue
            if not re.fullmatch(r"[A-Za-z .'\-]+", a) or a in BAD_ALT:
                continue
            if len(a) <= 3 and a not in ('US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROC'):
                continue
            names.append(a)
        dem = []
        d = c.get('demonym_eng') or {}
        for k in ('m', 'f'):
            if d.get(k) and d[k] not in dem:
                dem.append(d[k])
        rows[code] = (names, dem)
        for n in names:
            name_to_code.setdefault(n.lower(), code)
    for code, names, dem in EXTRA_COUNTRIES:
        n0, d0 = rows.get(code, ([], []))
        rows[code] = (n0 + [n for n in names if n not in n0], d0 + [d for d in dem if d not in d0])
    # Each name belongs to one code: the first row (in code order) that claims it wins.
    seen = set()
    lines = []
    # A demonym our own rows give belongs to that code alone ("American" is the United
    # States', not the Northern Mariana Islands').
    owned = {d: code for code, _, dems in EXTRA_COUNTRIES for d in dems}
    for code in sorted(rows):
        names, dem = rows[code]
        names = [n for n in dict.fromkeys(names) if n.lower() not in seen]
        seen.update(n.lower() for n in names)
        dem = [d for d in dict.fromkeys(dem) if owned.get(d, code) == code]
        lines.append(f"{code}\t{'|'.join(names)}\t{'|'.join(dem)}")
    return lines, name_to_code


def classify(label, country):
    """Role category of a position label, or None for posts that are not public office."""
    l = label.lower()
    if any(w in l for w in ('first lady', 'spouse', 'first gentleman', 'lord of the treasury', 'whip')):
        return None
    if country in ('UN', 'ICJ', 'EU', 'OSCE', 'WTO', 'INTL'):
        if 'judge' in l or 'court' in l:
            return 'judiciary'
        if 'permanent representative' in l:
            return 'diplomat'
        return 'international_official'
    if 'deputy' in l or 'vice' in l or 'under-secretary' in l or 'undersecretary' in l or 'assistant' in l:
        if 'minister' in l or 'secretary' in l:
            return 'other_minister'
        if 'speaker' in l or 'president of the senate' in l:
            return 'legislator'
        return 'other_official'
    if ('foreign' in l and ('minister' in l or 'secretary' in l)) or 'foreign affairs' in l or \
            'external affairs' in l or 'external relations' in l or l == 'secretary of state' or \
            l.endswith('secretary of state') and 'for' not in l:
        return 'foreign_minister'
    if re.search(r'\b(prime minister|premier|taoiseach|chancellor)\b', l):
        if 'exchequer' in l or 'duchy' in l or 'university' in l:
            return 'other_minister'
        if re.search(r'premier of (?!the )', l) and country in ('ZA', 'CA', 'AU', 'CN'):
            return 'regional_executive'
        return 'head_of_government'
    if re.search(r'\b(king|queen|monarch|emir|emperor|sultan|supreme leader|pope|captain regent|co-prince|governor-general)\b', l):
        return 'head_of_state'
    if re.search(r'\bpresident\b', l):
        if re.search(r'senate|chamber|assembly|parliament|congress|council|house|duma', l):
            return 'legislator'
        if re.search(r'court|tribunal', l):
            return 'judiciary'
        if re.search(r'region|generalitat|province|state of [a-z]|government of', l) and 'state of palestine' not in l:
            return 'regional_executive'
        if re.search(r'bank|company|commission|board|committee|university|olympic', l):
            return 'other_official'
        return 'head_of_state'
    if re.search(r'\b(ambassador|permanent representative|envoy|high commissioner|consul)\b', l):
        return 'diplomat'
    if re.search(r'\b(judge|justice of|chief justice|court|prosecutor|attorney general|attorney-general|solicitor general)\b', l):
        return 'judiciary'
    if re.search(r'\b(minister|secretary of|secretary for|treasurer|ministry)\b', l):
        return 'other_minister'
    if re.search(r'\bsecretary\b', l) and country == 'US':
        return 'other_minister'
    if re.search(r'\b(speaker|senator|member of|deputy|legislat|parliament)\b', l):
        return 'legislator'
    if re.search(r'\b(general staff|chief of staff of the|joint chiefs|commander|admiral|army|navy|air force|armed forces|military)\b', l):
        return 'military'
    if re.search(r'\bpolice\b', l):
        return 'police'
    if re.search(r'\b(governor|mayor|lieutenant governor)\b', l):
        if 'bank' in l or 'reserve' in l:
            return 'other_official'
        return 'regional_executive'
    return 'other_official'


ORG_OF_LABEL = [('united nations', 'UN'), ('international court of justice', 'ICJ'), ('council of europe', 'EU'),
                ('osce', 'OSCE'), ('world trade organization', 'WTO'), ('arab parliament', 'INTL')]


# Each source's horizon: the last month its knowledge covers. A term still open in a source
# is only known to be open up to that month. One letter per source keeps officials.tsv small.
HORIZON = {'w': '2023-01', 'f': '2023-01', 'h': '2024-10', 'c': '2026-05', 'u': '2026-06'}


def fold(s):
    import unicodedata
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)).lower()


def yaml_people(path):
    """The people of a congress-legislators YAML file: ({first, last, ...}, [{type, start, end, state}])."""
    people, cur, block, term = [], None, None, None
    for line in open(path, encoding='utf-8'):
        if line.startswith('- id:'):
            cur = ({}, [])
            people.append(cur)
            block = 'id'
            continue
        if cur is None or not line.strip():
            continue
        ind = len(line) - len(line.lstrip(' '))
        body = line.strip()
        if ind == 2 and body.endswith(':'):
            block = body[:-1]
            continue
        if block == 'name' and ind == 4 and ':' in body:
            k, v = body.split(':', 1)
            cur[0][k.strip()] = v.strip().strip("'\"")
        elif block == 'terms':
            if body.startswith('- '):
                term = {}
                cur[1].append(term)
                body = body[2:]
            if term is not None and ':' in body:
                k, v = body.split(':', 1)
                term[k.strip()] = v.strip().strip("'\"")
    return people


def officials(name_to_code):
    entries = {}

    def add(name, cc, cat, start, end, label, src):
        name = re.sub(r'\s+', ' ', (name or '').strip())
        if not name or not cc or not cat or re.fullmatch(r'Q\d+', name):
            return
        entries.setdefault(name, set()).add((cc, cat, start or '', end or '', label, src))

    def code_of(country):
        c = (country or '').strip()
        alias = {'State of Palestine': 'PS', 'United States of America': 'US', "People's Republic of China": 'CN',
                 'Kingdom of the Netherlands': 'NL', 'Kingdom of Denmark': 'DK'}
        return alias.get(c) or name_to_code.get(c.lower())

    path = os.path.join(SRC, 'officials', 'officeholders21_wikidata_everypolitician.csv')
    for r in csv.DictReader(open(path, encoding='utf-8')):
        label = r['position_label']
        if r['country'].startswith('('):
            cc = next((o for k, o in ORG_OF_LABEL if k in label.lower()), 'INTL')
        else:
            cc = code_of(r['country'])
        cat = classify(label, cc)
        # Ambassadors are a quarter of the rows and rarely named without their title in the
        # text, which the text-side rules catch: keep only the UN ones to save space.
        if cat == 'diplomat' and 'united nations' not in label.lower():
            continue
        add(r['person_label'], cc, cat, r['start'], r['end'], label, 'w')
    path = os.path.join(SRC, 'officials', 'heads_of_state_government_wikidata_2024-10.csv')
    for r in csv.DictReader(open(path, encoding='utf-8')):
        cc = code_of(r['country'])
        label = r['positionLabel']
        cat = classify(label, cc)
        if cat not in ('head_of_state', 'head_of_government'):
            continue
        # A few rows are medieval monarchs: keep the 20th and 21st centuries only.
        if r['start_year'] and r['start_year'].isdigit() and int(r['start_year']) < 1900:
            continue
        add(r['officeholderLabel'], cc, cat, r['start_year'], r['end_year'], label, 'h')
    path = os.path.join(SRC, 'officials', 'foreign_ministers_wikidata_2023-01.csv')
    for r in csv.DictReader(open(path, encoding='utf-8')):
        cc = code_of(r['countryLabel'])
        add(r['name'], cc, 'foreign_minister', r['start'], '', r['positionLabel'], 'f')
    us_congress(add)
    current_heads(entries, add, code_of)
    path = os.path.join(SRC, 'officials', 'current-2026-05', 'governors.csv')
    for r in csv.DictReader(open(path, encoding='utf-8')):
        # The list says who governs now, not since when: "~" marks a start known only as
        # "by the horizon".
        add(r['governor'], 'US', 'regional_executive', '~' + HORIZON['c'], '', 'Governor of ' + r['state'], 'c')
    labels = sorted({e[4] for es in entries.values() for e in es})
    index = {l: i for i, l in enumerate(labels)}
    lines = []
    for name in sorted(entries):
        es = sorted(entries[name])
        # Drop a year-only row when a dated row of the same post says the same.
        keep = []
        for e in es:
            if len(e[2]) == 4 and any(f[0] == e[0] and f[1] == e[1] and f[2][:4] == e[2] and len(f[2]) > 4 for f in es):
                continue
            # An older snapshot may not know a term has ended; a year-only row may.
            if len(e[2]) > 4 and not e[3]:
                ended = [f[3] for f in es if f[0] == e[0] and f[1] == e[1] and f[2] == e[2][:4] and f[3]]
                if ended:
                    e = (e[0], e[1], e[2], max(ended), e[4], e[5])
            keep.append(e)
        # Join terms of the same post that touch or overlap (re-appointments, relabelled posts):
        # the date test only needs the span. The latest term's label names it.
        merged = []
        for e in sorted(keep, key=lambda e: (e[0], e[1], e[2], e[3])):
            p = merged[-1] if merged else None
            if p and p[0] == e[0] and p[1] == e[1] and (p[3] == '' or e[2] <= p[3] or e[2][:7] == p[3][:7]):
                end = '' if p[3] == '' or e[3] == '' else max(p[3], e[3])
                # The merged term is known as far as its best-informed source reaches.
                src = max((p[5], e[5]), key=lambda x: HORIZON[x])
                merged[-1] = (p[0], p[1], p[2], end, e[4] if e[2] >= p[2] else p[4], src)
            else:
                merged.append(e)
        keep = merged
        lines.append(name + '\t' + ';'.join(f"{e[0]}|{CAT_CODE[e[1]]}|{e[2]}|{e[3]}|{index[e[4]]}|{e[5]}" for e in keep))
    head = '#\t' + ';'.join(f'{k}={v}' for k, v in sorted(HORIZON.items()))
    return [head] + lines, labels


def us_congress(add):
    """Every sitting member of Congress and every president and vice president, with terms."""
    kinds = {'sen': ('legislator', 'United States Senator'), 'rep': ('legislator', 'United States Representative'),
             'prez': ('head_of_state', 'President of the United States'),
             'viceprez': ('other_official', 'Vice President of the United States')}
    for f in ('legislators-current.yaml', 'executive.yaml'):
        for name, terms in yaml_people(os.path.join(SRC, 'officials', 'us-congress', f)):
            first, last = name.get('first', ''), name.get('last', '')
            forms = {name.get('official_full', ''), f'{first} {last}'}
            if name.get('nickname'):
                forms.add(f"{name['nickname']} {last}")
            for t in terms:
                if t.get('type') not in kinds:
                    continue
                cat, label = kinds[t['type']]
                for n in forms:
                    if n.strip() and last:
                        add(n, 'US', cat, t.get('start', ''), t.get('end', ''), label, 'u')


def current_heads(entries, add, code_of):
    """Heads of state and government of May 2026: opens their terms up to that horizon and
    marks older open terms of the same post as ended somewhere between the older source's
    horizon and this one ("2024-10~2026-05")."""
    path = os.path.join(SRC, 'officials', 'current-2026-05', 'heads_of_state.csv')
    now = {}
    for r in csv.DictReader(open(path, encoding='utf-8')):
        cc = code_of(r['country'])
        if not cc:
            continue
        for cat, col in (('head_of_state', 'head_of_state'), ('head_of_government', 'head_of_government')):
            n = re.sub(r'\s+', ' ', r[col].strip())
            # A president who also heads the government is listed once, as head of state.
            if cat == 'head_of_government' and fold(n) == fold(r['head_of_state']):
                continue
            if n:
                now.setdefault((cc, cat), {}).setdefault(fold(n), []).append((n, r['country']))
    h = HORIZON['c']
    for (cc, cat), names in sorted(now.items()):
        post = [(n, e) for n, es in entries.items() for e in es if e[0] == cc and e[1] == cat]
        labels = sorted({e[4] for _, e in post})
        label = max(labels, key=lambda l: sum(1 for _, e in post if e[4] == l)) if labels else None
        starts = [e[2] for _, e in post if e[2] and not e[2].startswith('~')]
        for n, e in post:
            # An open row another source already closes is left to the merge below.
            closed = any(f[0] == cc and f[1] == cat and f[3] and '~' not in f[3] and f[3] >= e[2][:4]
                         for f in entries[n])
            if e[3] == '' and fold(n) not in names and not closed:
                entries[n].discard(e)
                entries[n].add((e[0], e[1], e[2], f'{HORIZON[e[5]]}~{h}', e[4], e[5]))
        for key, forms in sorted(names.items()):
            for n, country in forms:
                mine = [e for e in entries.get(n, ()) if e[0] == cc and e[1] == cat]
                open_ = [e for e in mine if e[3] == '']
                if open_:
                    for e in open_:
                        entries[n].discard(e)
                        entries[n].add(e[:5] + ('c',))
                    continue
                # Began after every term the older sources know of this post.
                start = max(starts + [e[3].split('~')[-1] for e in mine if e[3]], default='')
                start = start or '~' + h
                title = label or ('Head of State of ' if cat == 'head_of_state' else 'Head of Government of ') + country
                add(n, cc, cat, start, '', title, 'c')


# One-letter codes keep officials.tsv small; src/gazetteer.rs holds the same table.
CAT_CODE = {'head_of_state': 's', 'head_of_government': 'g', 'foreign_minister': 'f', 'other_minister': 'm',
            'legislator': 'l', 'diplomat': 'd', 'military': 'a', 'police': 'p', 'judiciary': 'j',
            'spokesperson': 'k', 'regional_executive': 'r', 'international_official': 'i',
            'party_leader': 'q', 'other_official': 'o'}


# Role phrases (lower case) and their category. Longer phrases win over their heads.
ROLES = """
president	head_of_state
head of state	head_of_state
king	head_of_state
queen	head_of_state
monarch	head_of_state
emperor	head_of_state
emir	head_of_state
sultan	head_of_state
supreme leader	head_of_state
supreme commander	head_of_state
leader	head_of_state
prime minister	head_of_government
premier	head_of_government
chancellor	head_of_government
head of government	head_of_government
foreign minister	foreign_minister
foreign secretary	foreign_minister
secretary of state	foreign_minister
minister of foreign affairs	foreign_minister
minister for foreign affairs	foreign_minister
foreign affairs minister	foreign_minister
external affairs minister	foreign_minister
top diplomat	foreign_minister
chief diplomat	foreign_minister
minister	other_minister
secretary	other_minister
undersecretary	other_minister
under-secretary	other_minister
treasurer	other_minister
home secretary	other_minister
chancellor of the exchequer	other_minister
attorney general	other_minister
attorney-general	other_minister
senator	legislator
congressman	legislator
congresswoman	legislator
lawmaker	legislator
legislator	legislator
parliamentarian	legislator
mp	legislator
member of parliament	legislator
councillor	legislator
councilor	legislator
councilman	legislator
councilwoman	legislator
assemblyman	legislator
assemblywoman	legislator
speaker	legislator
politician	legislator
representative	legislator
ambassador	diplomat
envoy	diplomat
diplomat	diplomat
consul	diplomat
high commissioner	diplomat
permanent representative	diplomat
general	military
major general	military
lieutenant general	military
brigadier	military
brigadier general	military
colonel	military
lieutenant colonel	military
major	military
captain	military
lieutenant	military
admiral	military
commander	military
commandant	military
marshal	military
field marshal	military
chief of staff	other_official
chief of the general staff	military
police chief	police
police officer	police
police inspector	police
police detective	police
police superintendent	police
head of	other_official
chief of	other_official
member of the legislative council	legislator
legislative council member	legislator
council member	legislator
state senator	legislator
chief of police	police
police commissioner	police
commissioner	other_official
sheriff	police
constable	police
judge	judiciary
justice	judiciary
chief justice	judiciary
magistrate	judiciary
prosecutor	judiciary
district attorney	judiciary
spokesman	spokesperson
spokeswoman	spokesperson
spokesperson	spokesperson
press secretary	spokesperson
mouthpiece	spokesperson
mayor	regional_executive
governor	regional_executive
lieutenant governor	regional_executive
secretary-general	international_official
secretary general	international_official
director-general	other_official
director general	other_official
director	other_official
official	other_official
adviser	other_official
advisor	other_official
national security advisor	other_official
national security adviser	other_official
chairman	other_official
chairwoman	other_official
commissioner	other_official
counterpart	other_official
party leader	party_leader
rep	legislator
sen	legislator
gov	regional_executive
cllr	legislator
lt	military
gen	military
col	military
sgt	military
capt	military
maj	military
adm	military
brig	military
supt	police
police commander	police
police spokesperson	spokesperson
mec	regional_executive
taoiseach	head_of_government
undersecretary general	international_official
under-secretary-general	international_official
inspector general	other_official
revenue commissioner	other_official
coordinator	other_official
opposition leader	party_leader
leader of the opposition	party_leader
"""

CREDITS = """# Data credits

The files in `data/` are generated by `scripts/gen_data.py` from the inputs in
`../shared/data`; regenerate them with `python3 scripts/gen_data.py`.

| file | source | licence |
|---|---|---|
| `officials.tsv` | Wikidata (via the EveryPolitician office-holder extract, the Wikidata heads of state and government list of 2024-10, and the Wikidata foreign-minister list of 2023-01): person names, posts, countries, start and end dates; Wikipedia's "List of current heads of state and government" and lists of US governors (facts as of May 2026); the unitedstates/congress-legislators project (https://github.com/unitedstates/congress-legislators): sitting members of Congress and every US president and vice president with term dates. Each row names its source; the file's first line gives each source's horizon | Wikidata CC0 1.0; Wikipedia facts, CC BY-SA 4.0, credited to Wikipedia contributors; congress-legislators public domain (CC0) |
| `positions.txt` | Wikidata position labels of the posts in `officials.tsv` | CC0 1.0 (Wikidata) |
| `countries.tsv` | world-countries by Mohammed Le Doze (https://github.com/mledoze/countries): country codes, names, alternative spellings and English demonyms; plus a few rows of our own (Soviet Union, international organisations, common short names) | ODbL 1.0: this derived table is a derived database under the Open Database License 1.0; see ../shared/data/countries/world-countries.LICENSE |
| `roles.tsv` | curated by the Newsmark project (role phrases and their categories) | MIT OR Apache-2.0 |
| `places.tsv` | countries and capitals from world-countries (as for `countries.tsv`); city and region words from the compromise NLP lexicon (https://github.com/spencermountain/compromise, MIT, Copyright (c) 2015 Spencer Kelly); plus rows of our own (areas, contested territories, US states) | ODbL 1.0 for the world-countries part; compromise words MIT; our rows MIT OR Apache-2.0 |
| `organizations.tsv` | organisation words from the compromise NLP lexicon (MIT, Copyright (c) 2015 Spencer Kelly) plus rows of our own (international bodies, governments' metonyms, armed groups, agencies, news agencies) | MIT (compromise); our rows MIT OR Apache-2.0 |
"""


def main():
    os.makedirs(OUT, exist_ok=True)
    clines, name_to_code = countries()
    olines, labels = officials(name_to_code)
    rlines = []
    seen = set()
    for l in ROLES.strip().splitlines():
        p, c = l.split('\t')
        if p not in seen:
            seen.add(p)
            rlines.append(f'{p}\t{c}')
    rlines.sort()
    import gen_places
    plines = gen_places.places(clines, SRC)
    glines = gen_places.organizations(SRC)
    for name, lines in (('countries.tsv', clines), ('officials.tsv', olines), ('positions.txt', labels),
                        ('roles.tsv', rlines), ('places.tsv', plines), ('organizations.tsv', glines)):
        if lines is None:
            continue
        with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='\n') as f:
            f.write('\n'.join(lines) + '\n')
    with open(os.path.join(OUT, 'CREDITS.md'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(CREDITS)
    for name in ('countries.tsv', 'officials.tsv', 'positions.txt', 'roles.tsv', 'places.tsv', 'organizations.tsv'):
        print(name, os.path.getsize(os.path.join(OUT, name)), 'bytes')


if __name__ == '__main__':
    main()
