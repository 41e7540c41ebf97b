# Groups a cost_breakdown.py run's PostgreSQL statement log by the tables each transaction writes and counts the
# token writes per processor. Usage: python3 cost_breakdown_per_processor.py /tmp/diag-XXXX [N]
import re, sys, collections, glob
log=glob.glob(sys.argv[1]+"/pglog/*")[0]; N=int(sys.argv[2]) if len(sys.argv)>2 else 30
txs=collections.Counter(); cur={}; tok=collections.Counter()
pend={}
for line in open(log, errors="replace"):
    m=re.match(r"\S+ \S+ \S+ \[(\d+)\] (\S+) (\d+) (LOG|DETAIL):  (.*)", line)
    if not m: continue
    pid, vx, x, kind, rest = m.groups()
    if kind=="DETAIL":
        if pid in pend:
            pm=re.search(r"\$5 = '([^']*)'", rest)
            if pm: tok[pm.group(1)]+=1
            pend.pop(pid)
        continue
    m2=re.match(r"(?:execute \S+|statement): (.*)", rest)
    if not m2: continue
    s=m2.group(1).strip()
    if s.upper() in ("BEGIN","START TRANSACTION"): cur[pid]=[]; continue
    if s.upper() in ("COMMIT","ROLLBACK"):
        st=cur.pop(pid,[])
        tabs=sorted(set(t.lower() for t in (re.match(r"(?i)(?:insert into|update|delete from)\s+(\w+)",q).group(1) for q in st if re.match(r"(?i)(insert into|update|delete from)\s",q))))
        key="TX w:"+",".join(tabs) if tabs else "TX r:"+(st[0][:60] if st else "empty")
        txs[key]+=1; continue
    if s.startswith("UPDATE TokenEntry SET token"): pend[pid]=1
    if pid in cur: cur[pid].append(s)
    else: txs["AUTO "+re.sub(r"\s+"," ",s)[:60]]+=1
print("tx per wf", sum(txs.values())/N)
for k,v in txs.most_common(25): print(f"{v/N:6.2f}  {k}")
print("token updates per processor per wf:", {k: round(v/N,1) for k,v in tok.most_common()})
