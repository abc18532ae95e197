#!/usr/bin/env python3
"""Derive Newsmark's place and organisation gazetteers (called by gen_data.py).

Writes, deterministically, under data/:
  places.tsv         name \t kind \t country \t alias|alias...
                     kind: country, capital, city, region, area; country: ISO 3166-1 alpha-2
  organizations.tsv  name \t kind \t country \t alias|alias...
                     kind: international, government, ministry, party, armed_group,
                     company, media, agency, organization

Sources: countries and capitals from world-countries (ODbL 1.0, through gen_data's
country rows and world_countries_demonyms.json); city, region, country and organisation
words from the compromise lexicon (MIT); and rows of our own (MIT OR Apache-2.0: areas,
contested territories, US states). Everything comes from ../shared/data: a city the
lexicon names without a country keeps an empty country unless it is a capital or the
text itself says where it is ("the West Bank city of Jenin").
"""
import json, os, sys

US_STATES = '''Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma
Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont
Virginia Washington West_Virginia Wisconsin Wyoming'''.split()
US_STATES = [s.replace('_', ' ') for s in US_STATES]

# Words that name a city somewhere but are mostly ordinary words or given names in English
# news: they would be read as places far more often wrongly than rightly.
COMMON = set("""
nice reading bath split mobile orange independence sale deal march hope victoria florence
hamilton jackson lincoln columbus york richmond jersey chatham warren lafayette marion
santa clara aurora garden grove pasadena irving paterson mission surprise temple
beaumont pearland sandy kent concord gary eugene midland odessa provo vista norman
lawrence arlington burlington springfield salem plano fargo billings
independence enterprise paradise spring hollywood miramar pembroke cape coral
charleston lansing wilmington dover georgetown kingston darwin
china mali chad niger georgia jordan israel turkey guinea lima
mary george regina charlotte elizabeth troy tyler eugene
""".split())


def _title(s):
    small = {'of', 'the', 'and', 'de', 'del', 'la', 'el', 'al', 'da', 'do', 'dos', 'das'}
    words = s.split(' ')
    return ' '.join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


# (name, kind, country, aliases) of our own: areas and contested territories the other
# sources lack, named the way English news names them.
OWN_PLACES = [
    ('West Bank', 'region', 'PS', []), ('Gaza Strip', 'region', 'PS', ['Gaza']),
    ('East Jerusalem', 'city', 'PS', []), ('Golan Heights', 'region', 'SY', ['Golan']),
    ('Donbas', 'region', 'UA', ['Donbass']), ('Crimea', 'region', 'UA', []),
    ('Kashmir', 'region', '', []), ('Tibet', 'region', 'CN', []), ('Xinjiang', 'region', 'CN', []),
    ('Kurdistan', 'region', '', []), ('Nagorno-Karabakh', 'region', 'AZ', ['Karabakh']),
    ('Transnistria', 'region', 'MD', []), ('Abkhazia', 'region', 'GE', []),
    ('South Ossetia', 'region', 'GE', []), ('Darfur', 'region', 'SD', []), ('Sinai', 'region', 'EG', []),
    ('England', 'region', 'GB', []), ('Scotland', 'region', 'GB', []), ('Wales', 'region', 'GB', []),
    ('Northern Ireland', 'region', 'GB', []), ('Washington', 'capital', 'US', ['Washington, D.C.', 'Washington DC']),
    ('Middle East', 'area', '', []), ('Latin America', 'area', '', []), ('South America', 'area', '', []),
    ('North America', 'area', '', []), ('Central America', 'area', '', []), ('Central Asia', 'area', '', []),
    ('Southeast Asia', 'area', '', []), ('East Asia', 'area', '', []), ('South Asia', 'area', '', []),
    ('Balkans', 'area', '', []), ('Caucasus', 'area', '', []), ('Sahel', 'area', '', []),
    ('Persian Gulf', 'area', '', []), ('Black Sea', 'area', '', []), ('Baltic Sea', 'area', '', []),
    ('Mediterranean', 'area', '', ['Mediterranean Sea']), ('South China Sea', 'area', '', []),
    ('Caribbean', 'area', '', []), ('Scandinavia', 'area', '', []), ('Horn of Africa', 'area', '', []),
    ('Western Europe', 'area', '', []), ('Eastern Europe', 'area', '', []), ('Arctic', 'area', '', []),
    ('Africa', 'area', '', []), ('Asia', 'area', '', []), ('Europe', 'area', '', []),
    ('Americas', 'area', '', []), ('Antarctica', 'area', '', []), ('Atlantic Ocean', 'area', '', ['Atlantic']),
    ('Pacific Ocean', 'area', '', ['Pacific']), ('Indian Ocean', 'area', '', []), ('Red Sea', 'area', '', []),
    ('Taiwan Strait', 'area', '', []), ('Strait of Hormuz', 'area', '', []),
    ('Nile', 'area', '', []), ('Danube', 'area', '', []), ('Mekong', 'area', '', []),
    ('Manhattan', 'city', 'US', []), ('Brooklyn', 'city', 'US', []), ('Silicon Valley', 'region', 'US', []),
    ('New England', 'region', 'US', []), ('Siberia', 'region', 'RU', []), ('Chechnya', 'region', 'RU', []),
    ('Dagestan', 'region', 'RU', []), ('Bavaria', 'region', 'DE', []), ('Catalonia', 'region', 'ES', []),
    ('Corsica', 'region', 'FR', []), ('Sicily', 'region', 'IT', []), ('Tuscany', 'region', 'IT', []),
    ('Normandy', 'region', 'FR', []), ('Quebec', 'region', 'CA', []), ('Ontario', 'region', 'CA', []),
    ('Alberta', 'region', 'CA', []), ('British Columbia', 'region', 'CA', []), ('Queensland', 'region', 'AU', []),
    ('Tasmania', 'region', 'AU', []), ('New South Wales', 'region', 'AU', []), ('Victoria State', 'region', 'AU', []),
    ('Gujarat', 'region', 'IN', []), ('Kerala', 'region', 'IN', []), ('Uttar Pradesh', 'region', 'IN', []),
    ('Maharashtra', 'region', 'IN', []), ('Tamil Nadu', 'region', 'IN', []), ('West Bengal', 'region', 'IN', []),
    ('Bihar', 'region', 'IN', []), ('Rajasthan', 'region', 'IN', []), ('Karnataka', 'region', 'IN', []),
    ('Assam', 'region', 'IN', []), ('Guangdong', 'region', 'CN', []), ('Sichuan', 'region', 'CN', []),
    ('Fujian', 'region', 'CN', []), ('Hunan', 'region', 'CN', []), ('Jalisco', 'region', 'MX', []),
    ('Chiapas', 'region', 'MX', []), ('Sinaloa', 'region', 'MX', []), ('Oaxaca', 'region', 'MX', []),
    ('Tatarstan', 'region', 'RU', []), ('Yakutia', 'region', 'RU', []), ('Karelia', 'region', 'RU', []),
    ('Punjab', 'region', '', []), ('Balochistan', 'region', 'PK', []), ('Khyber Pakhtunkhwa', 'region', 'PK', []),
    ('Idlib', 'city', 'SY', []), ('Ramallah', 'city', 'PS', []), ('Hebron', 'city', 'PS', []),
    ('Rafah', 'city', 'PS', []), ('Khan Younis', 'city', 'PS', []), ('Nablus', 'city', 'PS', []),
    ('Bakhmut', 'city', 'UA', []), ('Kherson', 'city', 'UA', []), ('Kyiv', 'capital', 'UA', ['Kiev']),
]

# Organisations of our own: international bodies, governments' metonyms, armed groups and
# agencies that news names without a pattern to find them by.
OWN_ORGS = [
    ('United Nations', 'international', '', ['UN', 'U.N.']),
    ('UN Security Council', 'international', '', ['Security Council', 'United Nations Security Council']),
    ('UN General Assembly', 'international', '', ['General Assembly', 'United Nations General Assembly']),
    ('European Union', 'international', '', ['EU', 'E.U.']),
    ('European Commission', 'international', '', []), ('European Parliament', 'international', '', []),
    ('European Council', 'international', '', []), ('Council of Europe', 'international', '', []),
    ('NATO', 'international', '', ['North Atlantic Treaty Organization']),
    ('World Health Organization', 'international', '', ['WHO']),
    ('International Monetary Fund', 'international', '', ['IMF']),
    ('World Bank', 'international', '', []), ('World Trade Organization', 'international', '', ['WTO']),
    ('International Atomic Energy Agency', 'international', '', ['IAEA']),
    ('International Criminal Court', 'international', '', ['ICC']),
    ('International Court of Justice', 'international', '', ['ICJ']),
    ('OSCE', 'international', '', ['Organization for Security and Co-operation in Europe']),
    ('OPEC', 'international', '', []), ('ASEAN', 'international', '', []),
    ('African Union', 'international', '', []), ('Arab League', 'international', '', []),
    ('G7', 'international', '', []), ('G20', 'international', '', []), ('BRICS', 'international', '', []),
    ('UNESCO', 'international', '', []), ('UNICEF', 'international', '', []),
    ('UNHCR', 'international', '', []), ('UNRWA', 'international', '', []),
    ('World Food Programme', 'international', '', ['WFP']),
    ('International Committee of the Red Cross', 'international', '', ['ICRC']),
    ('Red Cross', 'organization', '', []), ('Amnesty International', 'organization', '', []),
    ('Human Rights Watch', 'organization', '', []), ('Doctors Without Borders', 'organization', '', ['MSF']),
    ('Interpol', 'international', '', []), ('Shanghai Cooperation Organisation', 'international', '', ['SCO']),
    ('Collective Security Treaty Organization', 'international', '', ['CSTO']),
    ('Commonwealth of Independent States', 'international', '', []),
    ('Kremlin', 'government', 'RU', []), ('White House', 'government', 'US', []),
    ('Pentagon', 'ministry', 'US', []), ('State Department', 'ministry', 'US', []),
    ('Downing Street', 'government', 'GB', []), ('Élysée', 'government', 'FR', ['Elysee', 'Élysée Palace']),
    ('Congress', 'government', 'US', []), ('Senate', 'government', '', []), ('Knesset', 'government', 'IL', []),
    ('Duma', 'government', 'RU', ['State Duma']), ('Bundestag', 'government', 'DE', []),
    ('Palestinian Authority', 'government', 'PS', ['PA']),
    ('Palestine Liberation Organization', 'organization', 'PS', ['PLO']),
    ('Hamas', 'armed_group', 'PS', []), ('Fatah', 'party', 'PS', []), ('Islamic Jihad', 'armed_group', 'PS', []),
    ('Hezbollah', 'armed_group', 'LB', ['Hizbollah']), ('Houthis', 'armed_group', 'YE', ['Houthi']),
    ('Taliban', 'armed_group', 'AF', []), ('Islamic State', 'armed_group', '', ['ISIS', 'ISIL', 'Daesh']),
    ('al-Qaeda', 'armed_group', '', ['Al-Qaeda', 'al Qaeda', 'Al Qaeda']), ('al-Shabab', 'armed_group', 'SO', ['Al-Shabaab', 'al-Shabaab']),
    ('Boko Haram', 'armed_group', 'NG', []), ('Wagner Group', 'armed_group', 'RU', ['Wagner']),
    ('Israel Defense Forces', 'government', 'IL', ['IDF']),
    ('FBI', 'agency', 'US', []), ('CIA', 'agency', 'US', []), ('NSA', 'agency', 'US', []),
    ('NASA', 'agency', 'US', []), ('FSB', 'agency', 'RU', []), ('Mossad', 'agency', 'IL', []),
    ('Shin Bet', 'agency', 'IL', []), ('MI6', 'agency', 'GB', []), ('MI5', 'agency', 'GB', []),
    ('Reuters', 'media', '', []), ('Associated Press', 'media', 'US', ['AP']),
    ('Agence France-Presse', 'media', 'FR', ['AFP']), ('TASS', 'media', 'RU', []),
    ('RIA Novosti', 'media', 'RU', []), ('Xinhua', 'media', 'CN', []), ('Al Jazeera', 'media', 'QA', []),
    ('BBC', 'media', 'GB', []), ('CNN', 'media', 'US', []),
    # Parties, parliaments and ministries English news names by their short names.
    ('Labour Party', 'party', '', ['Labour']), ('Conservative Party', 'party', '', ['Conservatives', 'Tories', 'Tory Party']),
    ('Liberal Democrats', 'party', 'GB', ['Lib Dems', 'Liberal Democrat']), ('Reform UK', 'party', 'GB', []),
    ('Scottish National Party', 'party', 'GB', ['SNP']), ('Plaid Cymru', 'party', 'GB', []), ('Sinn Féin', 'party', '', ['Sinn Fein']),
    ('Democratic Party', 'party', 'US', ['Democrats']), ('Republican Party', 'party', 'US', ['Republicans', 'GOP']),
    ('African National Congress', 'party', 'ZA', ['ANC']), ('Democratic Alliance', 'party', 'ZA', []),
    ('Economic Freedom Fighters', 'party', 'ZA', ['EFF']), ('Bharatiya Janata Party', 'party', 'IN', ['BJP']),
    ('Indian National Congress', 'party', 'IN', []), ('Likud', 'party', 'IL', []),
    ('Christian Democratic Union', 'party', 'DE', ['CDU']), ('Social Democratic Party', 'party', '', ['SPD']),
    ('Alternative for Germany', 'party', 'DE', ['AfD']), ('National Rally', 'party', 'FR', []),
    ('Parliament', 'government', '', []), ('House of Commons', 'government', 'GB', ['Commons']),
    ('House of Lords', 'government', 'GB', []), ('House of Representatives', 'government', '', []),
    ('Treasury', 'ministry', '', []), ('Home Office', 'ministry', 'GB', []), ('Foreign Office', 'ministry', 'GB', []),
    ('Justice Department', 'ministry', 'US', ['Department of Justice', 'DOJ']),
    ('Supreme Court', 'judiciary', '', []), ('High Court', 'judiciary', '', []),
    ('Metropolitan Police', 'police', 'GB', ['Met Police', 'Scotland Yard']),
    ('Office for Budget Responsibility', 'agency', 'GB', ['OBR']),
]

# Compromise organisation entries that are not organisations, or too short to trust.
ORG_SKIP = {'dept', 'univ', 'assn', 'inc', 'ltd', 'co', 'brexiteers', 'eurosceptics', 'roman empire',
            'notre dame', 'lexis', 'visa', 'ing', 'nec', 'gmb', 'ups', 'ford', 'dell', 'orange julius'}


def places(country_rows, src):
    """country_rows: gen_data's 'code\\tnames|...\\tdemonyms' lines."""
    lex = json.load(open(os.path.join(src, 'titles', 'compromise_lexicon_subset_MIT.json'), encoding='utf-8'))
    world = json.load(open(os.path.join(src, 'countries', 'world_countries_demonyms.json'), encoding='utf-8'))
    first_names = set(lex['FirstName']) | set(lex['LastName']) | set(lex['Person'])
    rows = {}  # lower name -> [name, kind, country, aliases]
    claimed = set()  # every lower-case name or alias already given to a row

    def add(name, kind, country, aliases=()):
        key = name.lower()
        if key in claimed:
            return
        al = [a for a in dict.fromkeys(aliases) if a.lower() not in claimed and a.lower() != key]
        rows[key] = [name, kind, country, al]
        claimed.add(key)
        claimed.update(a.lower() for a in al)

    for name, kind, cc, al in OWN_PLACES:
        add(name, kind, cc, al)
    own_names = {n.lower() for n, *_ in OWN_PLACES} | {a.lower() for *_, al in OWN_PLACES for a in al}
    for line in country_rows:
        code, names, _dem = (line.split('\t') + ['', ''])[:3]
        if len(code) != 2:
            continue  # organisations live in organizations.tsv
        names = [n for n in names.split('|') if n and n.lower() not in own_names]
        if names:
            add(names[0], 'country', code, names[1:])
    for c in world:
        for cap in c.get('capital') or []:
            add(cap, 'capital', c['cca2'])
    for name in lex['City']:
        if name in COMMON or (name in first_names and ' ' not in name):
            continue
        add(_title(name), 'city', '')
    # Towns and landmarks of the lexicon's wider place list; abbreviations ("rd", "calif")
    # and continents (areas, not places of an event) stay out.
    for name in lex['Place']:
        if len(name) <= 4 or name in COMMON or name in first_names or name in ('africa', 'americas', 'asia', 'europe'):
            continue
        add(_title(name), 'place', '')
    us = {n.lower(): n for n in US_STATES}
    for name in lex['Region']:
        if name in ('leeds', 'coventry'):
            add(_title(name), 'city', 'GB')
            continue
        if name in COMMON or name in ('para', 'pei', 'komi', 'basque', 'midlands', 'washington dc'):
            continue
        add(us.get(name, _title(name)), 'region', 'US' if name in us else '')
    out = []
    for name, kind, cc, al in sorted(rows.values(), key=lambda r: r[0].lower()):
        out.append(f"{name}\t{kind}\t{cc}\t{'|'.join(al)}")
    return out


def organizations(src):
    lex = json.load(open(os.path.join(src, 'titles', 'compromise_lexicon_subset_MIT.json'), encoding='utf-8'))
    rows = {}
    claimed = set()

    def add(name, kind, cc, al=()):
        if name.lower() in claimed:
            return
        al = [a for a in al if a.lower() not in claimed]
        rows[name.lower()] = (name, kind, cc, al)
        claimed.add(name.lower())
        claimed.update(a.lower() for a in al)

    for name, kind, cc, al in OWN_ORGS:
        add(name, kind, cc, al)
    for name in lex['Organization']:
        if name in ORG_SKIP or name.startswith('the ') or len(name) < 3:
            continue
        if not all(ch.isalnum() or ch in " &'-." for ch in name):
            continue
        # Three letters are an acronym; four may be a word too ("Uber", "Ikea", "NASA").
        short = len(name) <= 4 and ' ' not in name
        display = name.upper() if short else _title(name)
        add(display, 'organization', '', [_title(name)] if short and len(name) == 4 else [])
    return [f"{n}\t{k}\t{c}\t{'|'.join(a)}" for n, k, c, a in sorted(rows.values(), key=lambda r: r[0].lower())]
