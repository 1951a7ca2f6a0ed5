#!/usr/bin/env python3
"""Turns the testExpr table of Prometheus's promql/parser/parse_test.go into
parse_test_3.14.txt: per case the input, then `=> ok` or one `=> start end message` line per
expected error (byte offsets, Go's PositionRange). Our own reader of the Go source text, not
Go: it evaluates the few Go expressions the table uses for inputs (string literals, `+`,
strings.Repeat, the two fmt.Sprintf/Errorf of the @ bounds cases).

usage: extract_parse_test.py PROMETHEUS_REPO TAG > parse_test_3.14.txt
"""
import json, re, subprocess, sys

def go_string(src, i):
    """Decodes the Go string literal at src[i]; returns (bytes, next index)."""
    q = src[i]
    if q == '`':
        j = src.index('`', i + 1)
        return src[i + 1:j].replace('\r', '').encode(), j + 1
    out = bytearray(); i += 1
    simple = {'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11, '\\': 92, "'": 39, '"': 34}
    while src[i] != '"':
        c = src[i]
        if c != '\\':
            out += c.encode(); i += 1; continue
        e = src[i + 1]
        if e in simple: out.append(simple[e]); i += 2
        elif e == 'x': out.append(int(src[i + 2:i + 4], 16)); i += 4
        elif e in '01234567': out.append(int(src[i + 1:i + 4], 8)); i += 4
        elif e == 'u': out += chr(int(src[i + 2:i + 6], 16)).encode(); i += 6
        elif e == 'U': out += chr(int(src[i + 2:i + 10], 16)).encode(); i += 10
        else: raise ValueError('escape ' + e)
    return bytes(out), i + 1

SPECIAL = {
    'fmt.Sprintf(`foo @ %f`, float64(math.MaxInt64)+1)': b'foo @ 9223372036854775808.000000',
    'fmt.Sprintf(`foo @ %f`, float64(math.MinInt64)-1)': b'foo @ -9223372036854775808.000000',
    'fmt.Errorf("timestamp out of bounds for @ modifier: %f", float64(math.MaxInt64)+1)':
        b'timestamp out of bounds for @ modifier: 9223372036854775808.000000',
    'fmt.Errorf("timestamp out of bounds for @ modifier: %f", float64(math.MinInt64)-1)':
        b'timestamp out of bounds for @ modifier: -9223372036854775808.000000',
}

def go_expr(src):
    """Evaluates a concatenation of string literals and strings.Repeat(lit, n)."""
    src = src.strip()
    if src in SPECIAL: return SPECIAL[src]
    out = b''; i = 0
    while i < len(src):
        c = src[i]
        if c in ' \t\n+': i += 1
        elif c in '"`':
            s, i = go_string(src, i); out += s
        elif src.startswith('strings.Repeat(', i):
            s, j = go_string(src, i + len('strings.Repeat('))
            m = re.match(r'\s*,\s*(\d+)\)', src[j:])
            out += s * int(m.group(1)); i = j + m.end()
        else: raise ValueError('cannot evaluate: ' + src)
    return out

def field(body, name):
    """The source text of `name: <expr>,` at the entry's top level (one tab deeper)."""
    m = re.search(r'^\t\t' + name + r':\s*(.*?),\s*$', body, re.M | re.S)
    return m.group(1) if m else None

def main():
    repo, tag = sys.argv[1], sys.argv[2]
    text = subprocess.run(['git', '-C', repo, 'show', tag + ':promql/parser/parse_test.go'],
                          check=True, capture_output=True, text=True).stdout
    commit = subprocess.run(['git', '-C', repo, 'rev-parse', tag + '^{commit}'],
                            check=True, capture_output=True, text=True).stdout.strip()
    table = text[text.index('var testExpr = []struct'):]
    table = table[:table.index('\n}\n')]
    entries = re.findall(r'^\t\{\n(.*?)^\t\},?$', table, re.M | re.S)
    print('## Prometheus %s promql/parser/parse_test.go testExpr (commit %s), extracted by' % (tag, commit))
    print('## extract_parse_test.py. Per case: the input (json: when not plain), then `=> ok` or one')
    print('## `=> start end message` line per expected error. Parsed there with experimental functions,')
    print('## duration expressions and extended range selectors enabled.')
    for body in entries:
        m = re.search(r'^\t\tinput:\s*(.*?),\n\t\t(?:expected|fail|errors|//)', body, re.M | re.S)
        raw = go_expr(m.group(1))
        try:
            inp = raw.decode('utf-8')
        except UnicodeDecodeError:
            print('## skipped (invalid UTF-8, a Swift String cannot hold it): ' + json.dumps(raw.decode('latin-1')))
            continue
        plain = inp and inp == inp.strip() and not any(ord(c) < 0x20 or ord(c) == 0x7f for c in inp) \
            and not inp.startswith(('json:', '##', '=> ')) and len(inp) < 2000
        print(inp if plain else 'json:' + json.dumps(inp, ensure_ascii=False))
        if 'fail:' not in body or not re.search(r'fail:\s*true', body):
            print('=> ok'); continue
        if 'repeatError(' in body:
            # The one generated list: its starts/ends follow the repeatError arguments.
            for call in re.findall(r'repeatError\(\s*(.*?)\)(?:,|\.\.\.)', body, re.S):
                pass
            calls = re.findall(r'errors\.New\((".*?")\),\s*(\d+),\s*(\d+),[^\n]*\n\s*(\d+),\s*(\d+),[^\n]*\n\s*(\d+),', body)
            for msg, start, sstep, end, estep, count in calls:
                message = go_expr(msg).decode()
                for k in range(int(count)):
                    print('=> %d %d %s' % (int(start) + k * int(sstep), int(end) + k * int(estep), message))
            continue
        for start, end, err in re.findall(
                r'PositionRange:\s*posrange\.PositionRange\{Start:\s*(\d+),\s*End:\s*(\d+)\},\s*Err:\s*(.*?),\n', body, re.S):
            if err.startswith('errors.New('): message = go_expr(err[len('errors.New('):-1]).decode()
            else: message = SPECIAL[err].decode()
            print('=> %s %s %s' % (start, end, message))

main()
