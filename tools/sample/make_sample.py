#!/usr/bin/env python3
"""Builds the embedded synthetic sample of mmrare (a small MMRareBench-format release).

Run from the repository root:  python3 tools/sample/make_sample.py
Reads   tools/sample/cases.json (hand-written synthetic cases) and the Orphanet nomenclature
        ../shared/external/orphanet/orpha-nomenclature-2025-12.tsv (names, synonyms, codes;
        CC BY 4.0, Orphanet / Orphadata, INSERM).
Writes  mmrare-data/src/main/resources/org/mmrarebench/data/sample/ (TSVs, images, MANIFEST.txt, SHA256).
Nothing here runs at run time; the output is committed. Deterministic: same input, same bytes.
"""
import base64, hashlib, json, math, os, random, struct, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'mmrare-data/src/main/resources/org/mmrarebench/data/sample')
NOMEN = os.path.join(ROOT, '..', 'shared', 'external', 'orphanet', 'orpha-nomenclature-2025-12.tsv')


def png(width, height, channels, pixel):
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    ihdr = struct.pack('>IIBBBBB', width, height, 8, 0 if channels == 1 else 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b'')


def radiograph(seed, kind):
    """Grayscale, radiology-like: a bright body outline with inner structures and quantum noise."""
    r = random.Random(seed)
    w = h = 256
    blobs = [(r.uniform(70, 186), r.uniform(70, 186), r.uniform(12, 40), r.uniform(0.3, 0.9)) for _ in range(r.randint(2, 5))]
    rx, ry = r.uniform(80, 115), r.uniform(95, 120)
    def pixel(x, y):
        dx, dy = (x - 128) / rx, (y - 128) / ry
        d = dx * dx + dy * dy
        v = 20.0
        if d < 1:
            v = 90 + 60 * (1 - d) if kind != 'xray' else 60 + 30 * (1 - d)
            if kind == 'xray' and abs(x - 128) < 10:  # a spine-like column
                v += 110
            if kind == 'ct' and 0.85 < d:  # a cortical rim
                v += 120
        for bx, by, br, bi in blobs:
            q = ((x - bx) ** 2 + (y - by) ** 2) / (br * br)
            if q < 1:
                v += bi * 90 * (1 - q)
        v += r.gauss(0, 3)
        return (max(0, min(255, int(v))),)
    return png(w, h, 1, pixel)


def histology(seed):
    """RGB, H&E-like: pink stroma with purple nuclei of varying size."""
    r = random.Random(seed)
    w = h = 200
    nuclei = [(r.uniform(0, w), r.uniform(0, h), r.uniform(3, 9)) for _ in range(140)]
    grid = {}
    for n in nuclei:
        grid.setdefault((int(n[0]) // 16, int(n[1]) // 16), []).append(n)
    def pixel(x, y):
        base = [232 + r.randint(-2, 2), 182 + r.randint(-3, 3), 205 + r.randint(-2, 2)]
        for gx in range(x // 16 - 1, x // 16 + 2):
            for gy in range(y // 16 - 1, y // 16 + 2):
                for nx, ny, nr in grid.get((gx, gy), ()):
                    if (x - nx) ** 2 + (y - ny) ** 2 < nr * nr:
                        base = [95 + r.randint(-4, 4), 60 + r.randint(-4, 4), 150 + r.randint(-4, 4)]
        return bytes(base)
    return png(w, h, 3, pixel)


def image(seed, kind):
    return histology(seed) if kind == 'histology' else radiograph(seed, kind)


def cell(v):
    s = str(v)
    if any(c in s for c in '\t\n\r"'):
        return '"' + s.replace('"', '""') + '"'
    return s


def main():
    names = {}
    with open(NOMEN, encoding='utf-8') as f:
        next(f)
        for line in f:
            code, label, dtype, syn, omim, parents = line.rstrip('\n').split('\t')
            names[int(code)] = (label, [s for s in syn.split(' | ') if s])
    cases = json.load(open(os.path.join(ROOT, 'tools/sample/cases.json'), encoding='utf-8'))
    tracks = {
        'diagnosis': ('diagnosis_opened.tsv', ['index', 'question', 'answer', 'context', 'image', 'answer_aliases', 'ORPHA_code', 'category']),
        'treatment': ('treatment_plan.tsv', ['index', 'question', 'answer', 'context', 'image_path', 'rubric_must_include', 'rubric_must_not']),
        'crossmodal': ('crossmodal_comparison.tsv', ['index', 'question', 'answer', 'context', 'image_path', 'figure_mapping', 'golden_mainline', 'relation_type']),
        'examination': ('examination_workup.tsv', ['index', 'question', 'answer', 'context', 'image', 'key_test_names', 'red_flags_to_rule_out', 'must_not']),
    }
    manifest = []
    modality = {'mri': 'MRI', 'ct': 'CT', 'xray': 'radiograph', 'histology': 'histology'}
    for t_no, (track, (fname, cols)) in enumerate(tracks.items()):
        os.makedirs(os.path.join(OUT, track), exist_ok=True)
        rows = []
        for i, c in enumerate(cases):
            label, synonyms = names[c['code']]
            kinds = c['kinds']
            if track == 'treatment':
                kinds = kinds[:max(1, len(kinds) - 1)]
            elif track == 'examination':
                kinds = kinds[:(len(kinds) + 1) // 2]
            imgs = [image(1000 * t_no + 10 * i + k, kind) for k, kind in enumerate(kinds)]
            diag_line = 'Established diagnosis: ' + label + '. '
            row = {'index': i}
            if track == 'diagnosis':
                row.update(question='Based on the case and the figures, what is the most likely diagnosis?', answer=label,
                           context=c['context'], image=json.dumps([base64.b64encode(b).decode() for b in imgs]),
                           answer_aliases=json.dumps(synonyms), ORPHA_code='ORPHA:%d' % c['code'], category=c['category'])
            elif track == 'examination':
                row.update(question=c['t4_question'], answer=c['t4_answer'], context=diag_line + c['context'],
                           image=json.dumps([base64.b64encode(b).decode() for b in imgs]),
                           key_test_names=json.dumps(c['t4_tests']), red_flags_to_rule_out=json.dumps(c['t4_flags']),
                           must_not=json.dumps(c['t4_not']))
            else:
                paths = []
                os.makedirs(os.path.join(OUT, track, 'images'), exist_ok=True)
                for k, b in enumerate(imgs):
                    p = 'images/case%02d_fig%d.png' % (i, k + 1)
                    with open(os.path.join(OUT, track, p), 'wb') as f:
                        f.write(b)
                    manifest.append(track + '/' + p)
                    paths.append(p)
                row['image_path'] = json.dumps(paths)
                if track == 'treatment':
                    row.update(question='Propose a treatment plan for this patient.', answer=c['t2_plan'],
                               context=diag_line + c['context'], rubric_must_include=json.dumps(c['t2_include']),
                               rubric_must_not=json.dumps(c['t2_not']))
                else:
                    fm = {'Figure %d (%s)' % (k + 1, modality[kind]): paths[k] for k, kind in enumerate(kinds)}
                    row.update(question=c['t3_question'], answer=c['t3_answer'], context=diag_line + c['context'],
                               figure_mapping=json.dumps(fm), golden_mainline=json.dumps([{'claim': x} for x in c['t3_findings']]),
                               relation_type=c['t3_relation'])
            rows.append(row)
        with open(os.path.join(OUT, track, fname), 'w', encoding='utf-8', newline='') as f:
            f.write('\t'.join(cols) + '\n')
            for row in rows:
                f.write('\t'.join(cell(row[c]) for c in cols) + '\n')
        manifest.append(track + '/' + fname)
    manifest.append('README.md')
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(README)
    with open(os.path.join(OUT, 'MANIFEST.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(sorted(manifest)) + '\n')
    # the sample's identity, as EmbeddedSample computes it: per file in manifest order, its name
    # (UTF-8), a zero byte, its length (8 bytes, little-endian) and its bytes
    h = hashlib.sha256()
    for name in sorted(manifest):
        with open(os.path.join(OUT, name), 'rb') as f:
            data = f.read()
        h.update(name.encode('utf-8') + b'\0' + struct.pack('<q', len(data)) + data)
    with open(os.path.join(OUT, 'SHA256'), 'w', encoding='ascii') as f:
        f.write(h.hexdigest() + '\n')


README = """# mmrare embedded sample - SYNTHETIC DATA, NOT CLINICAL DATA

Every case in this folder was written by the mmrare developers for software testing. No case is a
real patient and no image shows a real patient: the images are generated noise and shapes made to
look vaguely like radiology and histology. Do not use any of it for clinical purposes or to claim
anything about a model's medical ability.

The disease names, synonyms and ORPHA codes come from Orphanet (Orphadata, December 2025
ORPHApackets release), licensed under CC BY 4.0: "Orphanet / Orphadata, INSERM".

Layout and columns follow the MMRareBench release format (diagnosis: base64 images; treatment and
crossmodal: image_path files; examination: base64 images). Rebuild with
`python3 tools/sample/make_sample.py` from the repository root.
"""

if __name__ == '__main__':
    main()
