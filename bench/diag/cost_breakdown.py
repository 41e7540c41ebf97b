# Per-return database work by transaction, from the PostgreSQL statement log (issue 12). Usage, from the repository:
# mvn -B -q -pl app -am -DskipTests package && JAR=app/target/omnireturns.jar PORT=18295 python3 bench/diag/cost_breakdown.py
import os, sys, subprocess, tempfile, time, urllib.request, signal, re, collections, glob
from importlib.machinery import SourceFileLoader
pc = SourceFileLoader("pc", "/work/shared/tools/probe-cost").load_module()
from concurrent.futures import ThreadPoolExecutor
JAR=os.environ["JAR"]; N=int(os.environ.get("N",30))
tmp=tempfile.mkdtemp(prefix="diag-"); data=os.path.join(tmp,"pg"); logdir=tmp+"/pglog"
env={**os.environ,"PORT":str(pc.PORT),"OMNIRETURNS_DATA_DIR":data,"OMNIRETURNS_CONNECTORS_ORDERS_SANDBOX_COPYPREFIX":"PC-","LOGGING_LEVEL_ROOT":"WARN"}
def start():
    app=subprocess.Popen(["java","-Xmx512m","-jar",JAR],env=env,stdout=open(tmp+"/app.log","a"),stderr=subprocess.STDOUT,start_new_session=True)
    while True:
        try:
            if b"UP" in urllib.request.urlopen(pc.BASE+"/actuator/health",timeout=2).read(): return app
        except OSError: pass
        time.sleep(1)
def stop(app):
    os.killpg(app.pid,signal.SIGTERM); app.wait(60); time.sleep(2)
def psql(q):
    port=open(os.path.join(data,"postmaster.pid")).read().splitlines()[3].strip()
    return subprocess.run(["psql","-h","127.0.0.1","-p",port,"-U","postgres","-d","omnireturns","-At","-c",q],capture_output=True,text=True).stdout
stop(start())
with open(data+"/postgresql.auto.conf","a") as f:
    f.write(f"logging_collector = on\nlog_directory = '{logdir}'\nlog_filename = 'pg.log'\nlog_line_prefix = '%m [%p] %v %x '\n")
app=start()
try:
    with ThreadPoolExecutor(8) as ex: list(ex.map(pc.workflow, range(10)))
    time.sleep(3)
    q="select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables"
    before={l.split('|')[0]:list(map(int,l.split('|')[1:])) for l in psql(q).split()}
    psql("alter system set log_statement='all'"); psql("select pg_reload_conf()"); time.sleep(1)
    c0=int(psql("select sum(xact_commit) from pg_stat_database").strip())
    t0=time.monotonic()
    with ThreadPoolExecutor(8) as ex: ok=sum(ex.map(pc.workflow, range(10,10+N)))
    el=time.monotonic()-t0
    c1=int(psql("select sum(xact_commit) from pg_stat_database").strip())
    psql("alter system set log_statement='none'"); psql("select pg_reload_conf()")
    after={l.split('|')[0]:list(map(int,l.split('|')[1:])) for l in psql(q).split()}
    print("ok",ok,"elapsed",round(el,1),"commits/wf",(c1-c0)/N)
    for t in sorted(after):
        d=[a-b for a,b in zip(after[t],before.get(t,[0,0,0]))]
        if sum(d): print(f"{t:40s} ins {d[0]/N:6.1f} upd {d[1]/N:6.1f} del {d[2]/N:6.1f}")
finally:
    stop(app)
# group statements per backend pid into transactions
txs=collections.Counter(); cur={}
for line in open(glob.glob(logdir+"/*")[0], errors="replace"):
    m=re.match(r"\S+ \S+ \S+ \[(\d+)\] (\S+) (\d+) LOG:  (?:execute \S+|statement): (.*)", line)
    if not m: continue
    pid, vx, x, sql = m.groups()
    s=sql.strip()
    key=re.sub(r"\s+"," ",s)[:90]
    if s.upper() in ("BEGIN","START TRANSACTION"): cur[pid]=[]; continue
    if s.upper()=="COMMIT" or s.upper()=="ROLLBACK":
        stmts=cur.pop(pid,[]) ; writes=[t for t in stmts if re.match(r"(?i)(insert|update|delete)",t)]
        txs[("TX "+ (writes[0] if writes else (stmts[0] if stmts else "empty")))[:100]]+=1; continue
    if pid in cur: cur[pid].append(key)
    else: txs[("AUTO "+key)[:100]]+=1
tot=sum(txs.values())
print("logged tx per wf", tot/N)
for k,v in txs.most_common(40): print(f"{v/N:6.2f}  {k}")
print("tmp",tmp)
