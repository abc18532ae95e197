#!/usr/bin/env python3
"""Assembles the browser builds from one source manifest.

usage: build_extension.py PKG_DIR WEB_PKG_DIR OUT_DIR

PKG_DIR holds the wasm-bindgen `no-modules` output (newsmark.js, newsmark_bg.wasm) for
the extension; WEB_PKG_DIR the `web` (ES module) output for the demo site. Writes
OUT/chrome, OUT/firefox (release), OUT/chrome-test, OUT/firefox-test (release + a test
hook and host access to every page, for the automated tests only), the release zips
OUT/newsmark-chrome.zip and OUT/newsmark-firefox.zip, and the demo site OUT/www.
"""
import json, os, re, shutil, sys, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = os.path.join(ROOT, 'extension')
DATA = os.path.join(ROOT, 'data')
SHELL_FILES = ['background.js', 'content.js', 'reader.html', 'reader.css', 'reader.js', 'options.html', 'options.js']
LEGAL_FILES = ['NOTICE', 'LICENSE-MIT', 'LICENSE-APACHE', 'PRIVACY.md']
GECKO_ID = 'newsmark@newsmark.invalid'


def data_files():
    if not os.path.isdir(DATA):
        return []
    return sorted(f for f in os.listdir(DATA) if re.search(r'\.(tsv|txt|json)$', f))


def walker():
    # src/web/walk.js defines `NewsmarkWalk`, which the glue's import of dom.rs's `walk_read`
    # names: wasm-bindgen's no-modules target has no snippets, so it goes in front of
    # every glue file.
    return open(os.path.join(ROOT, 'src', 'web', 'walk.js'), encoding='utf-8').read()


def wrap_glue(src):
    # The glue declares a top-level `let wasm_bindgen`; wrapping it in a factory lets the
    # shell start a fresh instance after a trap, and lets the file be injected only once.
    # The walker goes inside too: a top-level const would be redeclared by a second
    # injection into the same content-script world.
    return ('globalThis.__newsmarkFactory = function () {\n' + walker() + src +
            '\nreturn wasm_bindgen;\n};\n')


def manifest(browser, test):
    m = json.load(open(os.path.join(EXT, 'manifest.json')))
    if browser == 'chrome':
        m['background'] = {'service_worker': 'background.js'}
        m['minimum_chrome_version'] = '111'
    else:
        m['background'] = {'scripts': ['background.js']}
        # Newsmark collects and transmits nothing (see PRIVACY.md); Firefox asks every add-on
        # to declare it.
        m['browser_specific_settings'] = {'gecko': {
            # 142: the first Firefox (desktop 140, Android 142) that reads that declaration.
            'id': GECKO_ID, 'strict_min_version': '142.0',
            'data_collection_permissions': {'required': ['none']}}}
    if test:
        m['name'] += ' (test build)'
        m['host_permissions'] = ['<all_urls>']
        m['content_scripts'] = [{'matches': ['<all_urls>'], 'js': ['test-hook.js'], 'run_at': 'document_start'}]
    return m


def build(browser, test, pkg, out):
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, 'pkg'))
    files = data_files()
    for f in SHELL_FILES:
        s = open(os.path.join(EXT, f), encoding='utf-8').read()
        s = s.replace("'__NEWSMARK_DATA_FILES__'", repr(json.dumps(files)))
        if f in ('background.js', 'content.js') and not test:
            s = re.sub(r'\n *// TEST-HOOK-START.*?// TEST-HOOK-END\n', '\n', s, flags=re.S)
        open(os.path.join(out, f), 'w', encoding='utf-8').write(s)
    if test:
        shutil.copy(os.path.join(EXT, 'test-hook.js'), out)
    shutil.copytree(os.path.join(EXT, 'icons'), os.path.join(out, 'icons'))
    for f in LEGAL_FILES:
        shutil.copy(os.path.join(ROOT, f), out)
    glue = open(os.path.join(pkg, 'newsmark.js'), encoding='utf-8').read()
    open(os.path.join(out, 'pkg', 'newsmark.js'), 'w', encoding='utf-8').write(wrap_glue(glue))
    shutil.copy(os.path.join(pkg, 'newsmark_bg.wasm'), os.path.join(out, 'pkg'))
    if files:
        os.makedirs(os.path.join(out, 'data'))
        for f in files:
            shutil.copy(os.path.join(DATA, f), os.path.join(out, 'data'))
    json.dump(manifest(browser, test), open(os.path.join(out, 'manifest.json'), 'w'), indent=2)


def zip_dir(src, dest):
    with zipfile.ZipFile(dest, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for base, dirs, names in os.walk(src):
            dirs.sort()
            for n in sorted(names):
                p = os.path.join(base, n)
                info = zipfile.ZipInfo(os.path.relpath(p, src), date_time=(2023, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, open(p, 'rb').read())


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    pkg, web_pkg, out = sys.argv[1:]
    for browser in ('chrome', 'firefox'):
        build(browser, False, pkg, os.path.join(out, browser))
        build(browser, True, pkg, os.path.join(out, browser + '-test'))
        zip_dir(os.path.join(out, browser), os.path.join(out, f'newsmark-{browser}.zip'))
    www = os.path.join(out, 'www')
    if os.path.isdir(www):
        shutil.rmtree(www)
    shutil.copytree(os.path.join(ROOT, 'www'), www)
    shutil.copytree(web_pkg, os.path.join(www, 'pkg'), ignore=shutil.ignore_patterns('*.d.ts', 'package.json', '.gitignore'))
    # An ES module: the walker's top-level const is module-scoped, seen by the glue below.
    glue = os.path.join(www, 'pkg', 'newsmark.js')
    src = open(glue, encoding='utf-8').read()
    open(glue, 'w', encoding='utf-8').write(walker() + src)
    if os.path.isdir(DATA):
        os.makedirs(os.path.join(www, 'data'), exist_ok=True)
        for f in data_files():
            shutil.copy(os.path.join(DATA, f), os.path.join(www, 'data'))
        json.dump(data_files(), open(os.path.join(www, 'data', 'index.json'), 'w'))
    for b in ('chrome', 'firefox'):
        print(f'{out}/newsmark-{b}.zip {os.path.getsize(os.path.join(out, f"newsmark-{b}.zip"))} bytes')


if __name__ == '__main__':
    main()
