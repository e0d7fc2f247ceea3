# Independent reading of the shared data files: cells, missing, sum.
import gzip, json, re, sys, math
import os
D=os.path.dirname(os.path.abspath(__file__))+'/'
def px(name):
    raw = gzip.open(D+name).read() if name.endswith('.gz') else open(D+name,'rb').read()
    text = raw.decode('latin-1')
    head, data = re.split(r'(?m)^DATA=', text, maxsplit=1)
    data = data.split(';')[0]
    toks = re.findall(r'"[^"]*"|[^\s,;"]+', data)
    nums = [float(t) for t in toks if not t.startswith('"')]
    miss = [t for t in toks if t.startswith('"')]
    print(name, 'cells', len(toks), 'missing', len(miss), 'sum', repr(sum(nums)), 'fsum', repr(math.fsum(nums)))
def js(name):
    d = json.load(open(D+name))
    n = 1
    for s in d['size']: n *= s
    v = d['value']
    vals = v if isinstance(v, list) else list(v.values())
    nums = [x for x in vals if isinstance(x,(int,float))]
    print(name, 'cells', n, 'missing', n-len(nums), 'sum', repr(float(sum(nums))), 'fsum', repr(math.fsum(nums)))
for f in ['ssb_14216_tettsted.px','ssb_12909_sickleave_immigrants.px','traficom_010_kats_tau_101_fi_sv_en.px','statfin_ehk_pxt_005_en.px.gz']: px(f)
for f in ['ssb_07459_population_2022_kommuner.jsonstat2.json','scb_TAB638_pxwebapi2_response.jsonstat2.json']: js(f)
