#!/usr/bin/env python3
"""Converts the Orphadata releases in ../shared/external/orphanet into mmrare's compact resource.

Run from the repository root:  python3 tools/orphanet/convert.py
Reads   ../shared/external/orphanet/orphapackets-2025-12.jsonl.gz (all ORPHApackets, Dec 2025)
        ../shared/external/orphanet/classifications-2025-07/en_product3_*.xml (Jul 2025)
Writes  mmrare-data/src/main/resources/org/mmrarebench/data/orphanet/orphanet.tsv.gz
Build-time only: the library reads the output, never the sources. Data: CC BY 4.0,
"Orphanet / Orphadata, INSERM". Deterministic (gzip mtime fixed at 0).

Format (UTF-8 TSV, '|' joins list items; no field holds a tab, newline or '|'):
  #	key	value                         header lines (format, release, licence, counts)
  H	<hpo id>	<term>                  HPO dictionary, referenced by position (0-based)
  C	<classification id>	<name>          classification dictionary, by position
  D	code	label	type	synonyms	parents	omim	classifications	phenotypes
     omim: <number>:<E|BTNT|NTBT|ND>; classifications: positions in C; phenotypes: <H position>:<frequency code>
     frequency codes: O obligate (100%), V very frequent (99-80%), F frequent (79-30%), C occasional (29-5%),
     R very rare (<4-1%), X excluded (0%), empty when Orphanet gives none.
"""
import glob, gzip, io, json, os, re, xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, '..', 'shared', 'external', 'orphanet')
OUT = os.path.join(ROOT, 'mmrare-data/src/main/resources/org/mmrarebench/data/orphanet/orphanet.tsv.gz')
FREQ = {'Obligate (100%)': 'O', 'Very frequent (99-80%)': 'V', 'Frequent (79-30%)': 'F',
        'Occasional (29-5%)': 'C', 'Very rare (<4-1%)': 'R', 'Excluded (0%)': 'X'}


def as_list(v, key):
    """Orphapacket lists come as [{key: x}] or {key: [x]} or {key: x}; return the x's."""
    if v is None:
        return []
    items = v if isinstance(v, list) else [v]
    out = []
    for it in items:
        x = it.get(key, it) if isinstance(it, dict) else it
        out.extend(x if isinstance(x, list) else [x])
    return out


def clean(s):
    assert '\t' not in s and '\n' not in s and '|' not in s, s
    return s


def main():
    packets = []
    with gzip.open(os.path.join(SRC, 'orphapackets-2025-12.jsonl.gz'), 'rt', encoding='utf-8') as f:
        for line in f:
            packets.append(json.loads(line)['Orphapacket'])
    classes, class_members = [], {}
    jdbor_date = None
    for path in sorted(glob.glob(os.path.join(SRC, 'classifications-2025-07', 'en_product3_*.xml')),
                       key=lambda p: int(re.search(r'_(\d+)\.xml$', p).group(1))):
        root = ET.parse(path).getroot()
        jdbor_date = root.get('date')
        for c in root.iter('Classification'):
            pos = len(classes)
            classes.append((c.get('id'), c.find('Name').text))
            for d in c.iter('Disorder'):
                class_members.setdefault(int(d.find('OrphaCode').text), set()).add(pos)
    hpo, hpo_pos = [], {}
    rows = []
    n_syn = n_pheno = 0
    for p in packets:
        code = int(p['ORPHAcode'])
        syns = [clean(s) for s in as_list(p.get('Synonyms'), 'Synonym')]
        n_syn += len(syns)
        parents = []
        for par in as_list(p.get('Parents'), 'Parent'):
            parents.append(str(int(par['ORPHAcode'])))
        omim = []
        for ref in as_list(p.get('ExternalReferences'), 'ExternalReference'):
            if ref.get('Source') == 'OMIM':
                omim.append('%s:%s' % (ref['Reference'], ref['DisorderMappingRelation'].split(' ')[0]))
        phen = []
        for ph in as_list(p.get('Phenotypes'), 'Phenotype'):
            hid = ph['HPOId']
            if hid not in hpo_pos:
                hpo_pos[hid] = len(hpo)
                hpo.append((hid, clean(ph['HPOTerm'])))
            phen.append('%d:%s' % (hpo_pos[hid], FREQ.get(ph.get('HPOFrequency', ''), '')))
        if phen:
            n_pheno += 1
        rows.append('\t'.join(['D', str(code), clean(p['Label']), clean(p['DisorderType']['value']), '|'.join(syns),
                               '|'.join(parents), '|'.join(omim),
                               '|'.join(str(x) for x in sorted(class_members.get(code, ()))), '|'.join(phen)]))
    v = packets[0]
    head = [
        '#\tformat\tmmrare-orphanet 1',
        '#\trelease\tORPHApackets %s (%s); classifications %s' % (v['creationDate'][:10], v['version'], jdbor_date[:10]),
        '#\tlicence\tCC BY 4.0 - Orphanet / Orphadata, INSERM (https://creativecommons.org/licenses/by/4.0/)',
        '#\tcounts\tcodes=%d synonyms=%d with_phenotypes=%d hpo_terms=%d classifications=%d' % (
            len(rows), n_syn, n_pheno, len(hpo), len(classes)),
    ]
    text = '\n'.join(head + ['H\t%s\t%s' % h for h in hpo] + ['C\t%s\t%s' % (i, clean(n)) for i, n in classes] + rows) + '\n'
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, compresslevel=9) as g:
        g.write(text.encode('utf-8'))
    with open(OUT, 'wb') as f:
        f.write(buf.getvalue())
    print(head[3], 'bytes', len(buf.getvalue()))


if __name__ == '__main__':
    main()
