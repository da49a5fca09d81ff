#!/usr/bin/env python3
"""Prints, as JSON, what a PDF says about PDF/A (ISO 19005-2/-3) that the tests check: the XMP identification,
the output intent, page transparency groups, annotation flags, /ID, associated files. Exit 3 without pikepdf."""
import json
import sys

try:
    import pikepdf
except ImportError:
    sys.stderr.write("pikepdf is not installed\n")
    sys.exit(3)

pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
meta = pdf.open_metadata()
facts = {
    "pdfaid_part": meta.get("pdfaid:part"),
    "pdfaid_conformance": meta.get("pdfaid:conformance"),
    "pdfuaid_part": meta.get("pdfuaid:part"),
    "xmp_title": meta.get("dc:title"),
    "info_title": str(pdf.docinfo.get("/Title", "")),
    "metadata_filter": str(root.Metadata.get("/Filter", "")) if "/Metadata" in root else None,
    "has_id": "/ID" in pdf.trailer and len(pdf.trailer.ID) == 2,
    "output_intents": [],
    "pages_with_group": sum(1 for page in pdf.pages if "/Group" in page),
    "annotations_without_print_flag": 0,
    "associated_files": [],
    "embedded_file_names": [],
}
for intent in root.get("/OutputIntents", []):
    profile = intent.get("/DestOutputProfile")
    facts["output_intents"].append({"S": str(intent.S), "N": int(profile.N) if profile is not None else None,
                                    "profile_bytes": len(profile.read_bytes()) if profile is not None else 0})
for page in pdf.pages:
    for annot in page.get("/Annots", []):
        if int(annot.get("/F", 0)) & 4 == 0 or int(annot.get("/F", 0)) & (1 | 2 | 32):
            facts["annotations_without_print_flag"] += 1
for spec in root.get("/AF", []):
    stream = spec.EF.F
    facts["associated_files"].append({"name": str(spec.UF), "relationship": str(spec.get("/AFRelationship", "")),
                                      "subtype": str(stream.get("/Subtype", "")), "bytes": len(stream.read_bytes())})
if "/Names" in root and "/EmbeddedFiles" in root.Names:
    names = root.Names.EmbeddedFiles.Names
    facts["embedded_file_names"] = [str(names[i]) for i in range(0, len(names), 2)]
print(json.dumps(facts, sort_keys=True))
