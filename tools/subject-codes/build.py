#!/usr/bin/env python3
"""Builds models/subject-codes.tsv (code<TAB>name of 政府收支分类科目) from the seed dumps and the
Jiangsu PDFs (pdftotext -layout). Run from the repository root: python3 tools/subject-codes/build.py
A code keeps the name seen most often; names are normalised like TextNorm (no whitespace, half-width)."""
import collections, glob, os, re, subprocess, sys, unicodedata

root = os.getcwd()
shared = os.path.join(root, "..", "shared") if os.path.isdir(os.path.join(root, "..", "shared")) else "/work/shared"
ROW = re.compile(r"^\s*((?:2|3|1)\d{2}(?:\d{2}){0,2})\s+([\u4e00-\u9fff][^\s\d,]*(?:[（(][^）)]*[）)])?[^\s\d,]*)")

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

seen = collections.defaultdict(collections.Counter)
def feed(text):
    for line in text.splitlines():
        line = line.replace("\t", "  ")
        for m in re.finditer(r"(?:^|\s{2,})((?:2|3)\d{2}(?:\d{2}){0,2})\s+([\u4e00-\u9fff][^\s\d]*)", line):
            code, name = m.group(1), norm(m.group(2))
            if len(name) < 2 or name.endswith("表") or "万元" in name or name.startswith("万"):
                continue
            seen[code][name] += 1

for f in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
    feed(open(f, encoding="utf-8").read())
for f in sorted(glob.glob(os.path.join(shared, "real", "jiangsu", "*", "*.pdf"))):
    out = subprocess.run(["pdftotext", "-layout", f, "-"], capture_output=True, text=True).stdout
    feed(out)

# 类 of the functional classification (current names, as the seeds' 收支总表 list them) and the names the 2018 and
# earlier classification used; the sources above print only the classes their units spend on.
CLASSES = [("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"), ("205", "教育支出"),
    ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"), ("209", "社会保险基金支出"),
    ("210", "卫生健康支出"), ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"), ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"), ("227", "预备费"), ("229", "其他支出"), ("230", "转移性支出"), ("231", "债务还本支出"),
    ("232", "债务付息支出"), ("233", "债务发行费用支出"), ("234", "抗疫特别国债安排的支出"),
    ("207", "文化体育与传媒支出"), ("210", "医疗卫生与计划生育支出"), ("215", "资源勘探信息等支出"), ("220", "国土海洋气象等支出"),
    ("21001", "医疗卫生与计划生育管理事务")]
for code, name in CLASSES:
    seen[code][name] += 0

# Pairs read off misaligned layout lines, checked by hand against the classification and dropped.
BAD = {("30311", "住房公积金"), ("310", "其他资本性支出"), ("2100405", "急救救治机构")}
rows = []
for code, names in seen.items():
    # The classification renames codes over the years (20805 行政事业单位离退休 → 行政事业单位养老支出): keep every
    # name, the most frequent first, so the dictionary knows them all.
    for name, _ in names.most_common():
        if (code, name) not in BAD:
            rows.append((code, name))
rows.sort(key=lambda r: r[0])
with open(os.path.join(root, "models", "subject-codes.tsv"), "w", encoding="utf-8") as w:
    w.write("# code\tname  (政府收支分类科目: functional 2xx, economic 3xx; built by tools/subject-codes/build.py)\n")
    for code, name in rows:
        w.write(f"{code}\t{name}\n")
print(len(rows), "codes", file=sys.stderr)
