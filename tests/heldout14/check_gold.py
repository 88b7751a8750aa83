"""Validate heldout14 gold against the dev-gold shape, taxonomy and the documents."""
import json
import pathlib
import re
import sys

import yaml

SHARED = pathlib.Path('/work/shared')
ROOT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
tax = yaml.safe_load((SHARED / 'spec/taxonomy.yaml').read_text())
TYPES = set(tax['types'])
TERM_KINDS = set(tax['term_kinds'])
UNITS = {'years', 'months', 'days', 'hours', 'currency', 'life', None}
ORG_KINDS = {'union', 'federation', 'company', 'court', 'government', 'police',
             'intergovernmental', 'ngo', 'other'}
KEYS = {
    'top': {'persons', 'organizations', 'places', 'events', 'court_decisions', 'upcoming'},
    'person': {'name', 'aliases', 'roles'},
    'org': {'name', 'aliases', 'kind'},
    'event': {'type', 'date', 'victims', 'perpetrators', 'place', 'evidence'},
    'decision': {'court', 'date', 'defendant', 'terms', 'evidence'},
    'upcoming': {'what', 'date', 'evidence'},
}
DATE = re.compile(r'^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$')
errors = []


def err(doc, msg):
    errors.append(f'{doc}: {msg}')


def body(path):
    text = path.read_text(encoding='utf-8')
    if text.startswith('---\n'):
        end = text.index('\n---\n', 4)
        return text[end + 5:]
    return text


def check_date(doc, what, value):
    if value is not None and not DATE.match(value):
        err(doc, f'bad date {value!r} in {what}')


for gold_path in sorted((ROOT / 'gold').glob('*.json')):
    doc = gold_path.stem
    text = body(ROOT / 'docs' / f'{doc}.txt')
    g = json.loads(gold_path.read_text(encoding='utf-8'))
    if set(g) != KEYS['top']:
        err(doc, f'top keys {sorted(g)}')
    names = set()
    for p in g['persons']:
        if set(p) != KEYS['person']:
            err(doc, f'person keys {sorted(p)}')
        for n in [p['name'], *p['aliases']]:
            names.add(n)
            if n not in text:
                err(doc, f'person name not in text: {n}')
    for o in g['organizations']:
        if set(o) != KEYS['org'] or o['kind'] not in ORG_KINDS:
            err(doc, f'org {o}')
        for n in [o['name'], *o['aliases']]:
            names.add(n)
            if n not in text:
                err(doc, f'org name not in text: {n}')
    for pl in g['places']:
        if not isinstance(pl, str) or pl not in text:
            err(doc, f'place not in text: {pl}')
    for e in g['events']:
        if set(e) != KEYS['event'] or e['type'] not in TYPES:
            err(doc, f'event {e}')
        check_date(doc, 'event', e['date'])
        if e['evidence'] not in text:
            err(doc, f'evidence not in text: {e["evidence"][:60]}')
        for v in e['victims']:
            if v not in names:
                err(doc, f'victim not a person/org: {v}')
        if e['place'] is not None and e['place'] not in g['places']:
            err(doc, f'event place not in places: {e["place"]}')
    for c in g['court_decisions']:
        if set(c) != KEYS['decision']:
            err(doc, f'decision keys {sorted(c)}')
        check_date(doc, 'decision', c['date'])
        if c['evidence'] not in text:
            err(doc, f'decision evidence not in text: {c["evidence"][:60]}')
        if c['defendant'] not in names:
            err(doc, f'defendant not a person: {c["defendant"]}')
        for t in c['terms']:
            extra = set(t) - {'kind', 'amount', 'unit', 'currency', 'note'}
            if extra or t['kind'] not in TERM_KINDS or t['unit'] not in UNITS:
                err(doc, f'term {t}')
            if (t['unit'] == 'currency') != bool(re.match(r'^[A-Z]{3}$', t.get('currency', ''))):
                err(doc, f'currency term {t}')
            if t['amount'] is not None and not isinstance(t['amount'], (int, float)):
                err(doc, f'term amount {t}')
    for u in g['upcoming']:
        if set(u) != KEYS['upcoming']:
            err(doc, f'upcoming keys {sorted(u)}')
        check_date(doc, 'upcoming', u['date'])
        if u['evidence'] not in text:
            err(doc, f'upcoming evidence not in text: {u["evidence"][:60]}')

print('\n'.join(errors) or 'all gold files valid')
sys.exit(1 if errors else 0)
