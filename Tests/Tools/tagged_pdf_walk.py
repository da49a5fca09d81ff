#!/usr/bin/env python3
"""Walks a tagged PDF's structure tree and content streams (with pikepdf) and prints what it found as JSON:
the headings in reading order, the count of each structure type, and every PDF/UA problem it checks for.
Used by Tests/FolioTests/EndToEnd/TaggedPDFTests.swift. Exit status 3 when pikepdf is missing."""
import json
import sys

try:
    import pikepdf
except ImportError:
    print("pikepdf is not installed: pip install pikepdf", file=sys.stderr)
    sys.exit(3)

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PAINT = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "BI", "INLINE IMAGE"}


def key(obj):
    return obj.objgen if obj.is_indirect else None


def walk(pdf):
    problems, headings, counts = [], [], {}
    root = pdf.Root
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        problems.append("catalog: /MarkInfo /Marked is not true")
    if "/Lang" not in root:
        problems.append("catalog: no /Lang")
    if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        problems.append("catalog: /ViewerPreferences /DisplayDocTitle is not true")
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return {"headings": [], "counts": {}, "problems": problems + ["catalog: no /StructTreeRoot"]}
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    role_map = tree.get("/RoleMap", {})
    # What the tree says: (page, mcid) -> element, annotation -> element.
    tree_mcids, tree_annots = {}, {}

    def visit(elem, parent):
        kind = str(elem.get("/S"))[1:]
        counts[kind] = counts.get(kind, 0) + 1
        if kind[:1] == "H" and kind[1:].isdigit():
            headings.append(int(kind[1:]))
        if key(elem.get("/P")) != key(parent):
            problems.append(f"{kind}: /P is not its parent")
        if kind == "Figure" and not str(elem.get("/Alt", "")).strip():
            problems.append("Figure without /Alt")
        if kind == "Note" and "/ID" not in elem:
            problems.append("Note without /ID")
        if kind == "TH" and elem.get("/A", {}).get("/Scope") is None:
            problems.append("TH without /Scope")
        if f"/{kind}" in role_map or kind in ("Document", "Title"):
            pass
        home = elem.get("/Pg")
        kids = elem.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                if home is None:
                    problems.append(f"{kind}: MCID without /Pg")
                    continue
                tree_mcids[(pages[home.objgen], kid)] = key(elem)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                tree_mcids[(pages[kid.Pg.objgen], int(kid.MCID))] = key(elem)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                tree_annots[key(kid.Obj)] = key(elem)
                if kind != "Link" and kid.Obj.get("/Subtype") == "/Link":
                    problems.append(f"a link annotation's OBJR is in {kind}, not Link")
            elif isinstance(kid, pikepdf.Dictionary):
                visit(kid, elem)

    top = tree.get("/K")
    for elem in (top if isinstance(top, pikepdf.Array) else [top]):
        visit(elem, tree)
    check_parent_tree(pdf, tree, tree_mcids, tree_annots, problems)
    check_content(pdf, tree_mcids, problems)
    return {"headings": headings, "counts": counts, "problems": problems}


def number_tree(node, out):
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out)
    return out


def check_parent_tree(pdf, tree, tree_mcids, tree_annots, problems):
    parents = number_tree(tree.get("/ParentTree", pikepdf.Dictionary()), {})
    for n, page in enumerate(pdf.pages):
        if page.obj.get("/Tabs") != "/S":
            problems.append(f"page {n + 1}: /Tabs is not /S")
        index = page.obj.get("/StructParents")
        owners = parents.get(int(index), []) if index is not None else []
        if index is None and any(p == n for p, _ in tree_mcids):
            problems.append(f"page {n + 1}: no /StructParents")
        for mcid, owner in enumerate(owners):
            if tree_mcids.get((n, mcid)) != key(owner):
                problems.append(f"page {n + 1}: parent tree entry for MCID {mcid} is not the element that holds it")
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            if key(annot) not in tree_annots:
                problems.append(f"page {n + 1}: a link annotation no OBJR reaches")
            if not str(annot.get("/Contents", "")).strip():
                problems.append(f"page {n + 1}: a link annotation without /Contents")
            sp = annot.get("/StructParent")
            if sp is None or key(parents.get(int(sp))) != tree_annots.get(key(annot)):
                problems.append(f"page {n + 1}: a link annotation's /StructParent does not lead to its Link")


def check_content(pdf, tree_mcids, problems):
    for n, page in enumerate(pdf.pages):
        stack, seen = [], set()
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                if mcid is not None:
                    mcid = int(mcid)
                    if mcid in seen:
                        problems.append(f"page {n + 1}: MCID {mcid} used twice")
                    seen.add(mcid)
                    if (n, mcid) not in tree_mcids:
                        problems.append(f"page {n + 1}: MCID {mcid} belongs to no structure element")
                stack.append(tag == "/Artifact" or mcid is not None or any(stack))
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {n + 1}: EMC without BDC")
                else:
                    stack.pop()
            elif (op in TEXT_SHOW or op in PAINT) and not any(stack):
                problems.append(f"page {n + 1}: {op} outside marked content")
        if stack:
            problems.append(f"page {n + 1}: marked content left open")
        missing = [m for p, m in tree_mcids if p == n and m not in seen]
        if missing:
            problems.append(f"page {n + 1}: the tree refers to MCIDs {missing[:5]} the page does not have")


if __name__ == "__main__":
    with pikepdf.open(sys.argv[1]) as pdf:
        print(json.dumps(walk(pdf), ensure_ascii=False, sort_keys=True))
