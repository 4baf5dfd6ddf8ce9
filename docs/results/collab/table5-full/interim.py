#!/usr/bin/env python3
"""Interim Table V summary, per seed, while the full reproduction is unfinished.

`reproduce collab-table5 --render` draws the table only when all 216 runs are finished; until
then this prints, for every (N, model) row whose 12 runs (greedy, neurosurgeon, EMH-PPO on
operator-level and on chain partitioning, seeds 1-3) are finished: the latencies per seed, the
operator-against-chain changes paired by seed (latency and energy, from each run's result.json)
and, from `policy-profile`'s table, the share of the operator-trained policy's offloaded tasks
cut at a chain cut.

    ./edgeoffload policy-profile --recipe collab-table5 --seeds 1-3 runs/collab-v3 > policy-profile.md
    python3 interim.py runs/collab-v3 policy-profile.md > interim.md
"""
import collections
import glob
import json
import os
import re
import sys

runs, profile = sys.argv[1], sys.argv[2]
d = collections.defaultdict(dict)
for result in glob.glob(os.path.join(runs, "runs", "*", "result.json")):
    y = open(os.path.join(os.path.dirname(result), "run.yaml")).read()
    if "sweep: collab-table5" not in y:
        continue
    policy = re.search(r"policy: (\S+)", y).group(1)
    seed = int(re.search(r"\bseed: (\d+)", y).group(1))
    n = int(re.search(r"env.numDevices=(\d+)", y).group(1))
    model = re.search(r"env.model=(\S+)", y).group(1)
    part = re.search(r"env.partitioning=(\S+)", y).group(1)
    v = json.load(open(result))["series"][0]["values"][0]  # reward, total latency s, J/task, ...
    col = {"greedy": "g", "neurosurgeon": "n"}.get(policy) or ("eo" if part == "operator" else "ec")
    d[(n, model)].setdefault(col, {})[seed] = [v[1] * 1e3, v[2], None]
for line in open(profile):
    if not line.startswith("| emh-ppo"):
        continue
    c = [x.strip() for x in line.split("|")[1:-1]]
    if "env.partitioning=operator" not in c[1]:
        continue
    setting = dict(kv.split("=") for kv in c[1].split(", "))
    key = (int(setting["env.numDevices"]), setting["env.model"])
    d[key]["eo"][int(c[0].split()[-1])][2] = float(c[7])  # the chain cut column

order = {"resnet50": 0, "googlenet": 1, "mobilenetv2": 2}
names = {"resnet50": "ResNet-50", "googlenet": "GoogLeNet", "mobilenetv2": "MobileNetV2"}
seeds = (1, 2, 3)
print("| N | model | greedy = neurosurgeon (ms) | EMH-PPO operator (ms) | EMH-PPO chain (ms)"
      " | operator − chain: latency (%) | energy (%) | operator-trained offloads at a chain cut |")
print("|---:|---|---|---|---|---|---|---|")
for key in sorted(d, key=lambda k: (k[0], order[k[1]])):
    x = d[key]
    if not all(len(x.get(c, {})) == 3 for c in ("g", "n", "eo", "ec")):
        continue
    same = all(x["g"][s][:2] == x["n"][s][:2] for s in seeds)
    ms = lambda c: " / ".join("{:,.0f}".format(x[c][s][0]) for s in seeds)
    pct = lambda i: " / ".join(
        "{:+,.0f}".format(100 * (x["eo"][s][i] - x["ec"][s][i]) / x["ec"][s][i]) for s in seeds)
    chain = " / ".join("%.2f" % x["eo"][s][2] for s in seeds)
    print("| %d | %s | %s%s | %s | %s | %s | %s | %s |" % (
        key[0], names[key[1]], ms("g"), "" if same else " (neurosurgeon " + ms("n") + ")",
        ms("eo"), ms("ec"), pct(0), pct(1), chain))
