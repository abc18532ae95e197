#!/usr/bin/env python3
"""Derives data/state_media.tsv from the State Media Matrix (Alliance for Securing
Democracy, MIT) in SHARED/state-media/State_Media_Matrix.csv.

usage: gen_state_media.py [SHARED_DATA_DIR]   (default ../shared/data)

One row a web host: host, country, outlet, company, parent, typology. `parent` resolves
one level of ownership inside the data itself: when a row's company is listed elsewhere as
an asset of another company (an outlet run by a state agency's subsidiary), that company
is the parent. Deterministic output, sorted by host.
"""
import csv, os, re, sys
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPOLOGIES = {'SC', 'CaPu', 'CaPr', 'ISFM', 'ISF', 'ISM', 'IP'}


def host_of(url):
    url = url.strip()
    if not url:
        return None
    if '://' not in url:
        url = 'http://' + url
    h = (urlparse(url).hostname or '').lower().strip('.')
    h = re.sub(r'^www\d?\.', '', h)
    return h or None


def clean(s):
    return re.sub(r'\s+', ' ', (s or '').replace('\t', ' ')).strip()


def base_company(name):
    # "Rossiya Segodnya (Russia Today)" names the same company as "Rossiya Segodnya".
    return re.sub(r'\s*\(.*?\)\s*', ' ', name).strip().lower()


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data')
    rows = list(csv.DictReader(open(os.path.join(shared, 'state-media', 'State_Media_Matrix.csv'), encoding='utf-8-sig')))
    # asset name -> owning company, for resolving a company that is itself someone's asset.
    owner_of = {}
    for r in rows:
        a, c = clean(r['Main assets']), clean(r['Media company'])
        if a and c and base_company(a) != base_company(c):
            owner_of.setdefault(base_company(a), c)
    out = {}
    for r in rows:
        typ = clean(r['Typology']).rstrip('?')
        host = host_of(r['URL'])
        if not host or typ not in TYPOLOGIES:
            continue
        company = clean(r['Media company'])
        parent = owner_of.get(base_company(company), '')
        if parent and base_company(parent) == base_company(company):
            parent = ''
        row = (host, clean(r['Country']), clean(r['Main assets']), company, re.sub(r'\s*\(.*?\)', '', parent).strip(), typ)
        out.setdefault(host, row)
    path = os.path.join(ROOT, 'data', 'state_media.tsv')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# host\tcountry\toutlet\tcompany\tparent\ttypology  (State Media Matrix, Alliance for Securing Democracy, MIT)\n')
        for host in sorted(out):
            f.write('\t'.join(out[host]) + '\n')
    print(f'{path}: {len(out)} hosts, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
