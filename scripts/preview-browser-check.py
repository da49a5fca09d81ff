#!/usr/bin/env python3
"""Drives headless Chromium (Debian's chromium and chromium-driver) through chromedriver's W3C WebDriver HTTP API
to check the preview page of `folio watch --serve`: it shows the expected number of pages, then, after this
script saves a new version of a file, the new text, without a reload by hand and at the same scroll position.

Usage: preview-browser-check.py URL PAGES EXPECTED_TEXT FILE NEW_CONTENT_FILE NEW_TEXT
Prints one JSON object with what it saw; exits 2 when Chromium or chromedriver is missing (saying so), 1 when a
check fails.
"""
import json, os, random, shutil, signal, subprocess, sys, time, urllib.request

def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        value = json.load(r).get("value")
    if isinstance(value, dict) and "error" in value:
        raise RuntimeError(f"{value['error']}: {value.get('message', '')}")
    return value

def wait(check, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        if check():
            return True
        time.sleep(0.1)
    return check()

def main():
    # A test runner may start this with signals blocked; chromedriver would inherit that and never end.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    url, pages, expected, path, new_content, new_text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
    browser = next((p for p in ("/usr/bin/chromium", "/usr/lib/chromium/chromium") if os.access(p, os.X_OK)), None)
    driver = shutil.which("chromedriver") or next((p for p in ("/usr/lib/chromium/chromedriver",) if os.access(p, os.X_OK)), None)
    if not browser or not driver:
        print("Chromium or chromedriver is not installed: the browser test cannot run. Install them with `make deps` "
              "(apt-get install chromium chromium-driver).", file=sys.stderr)
        return 2
    port = random.randint(20000, 40000)
    proc = subprocess.Popen([driver, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    session = None
    try:
        def ready():
            try:
                return call(base, "GET", "/status").get("ready") is True
            except OSError:
                return False
        if not wait(ready, 20):
            raise RuntimeError("chromedriver did not start")
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": browser, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}}}}
        session = call(base, "POST", "/session", caps)["sessionId"]
        run = lambda js: call(base, "POST", f"/session/{session}/execute/sync", {"script": js, "args": []})
        call(base, "POST", f"/session/{session}/url", {"url": url})
        imgs = "[...document.querySelectorAll('#pages img.page')]"
        seen = {}
        seen["pages"] = wait(lambda: run(f"return {imgs}.length === {pages} && {imgs}.every(i => i.complete && i.naturalWidth > 0)"))
        seen["shown"] = run(f"return {imgs}.length")
        seen["text"] = wait(lambda: run(f"return {imgs}.some(i => i.alt.includes({json.dumps(expected)}))"))
        seen["editions"] = run("return document.querySelectorAll('#edition option').length")
        run("window.scrollTo(0, 200); window.marker = 'same page'; return true")
        shutil.copyfile(new_content, path)
        seen["new_text"] = wait(lambda: run(f"return {imgs}.some(i => i.alt.includes({json.dumps(new_text)}))"))
        seen["kept_place"] = run("return window.marker === 'same page' && window.scrollY === 200")
        print(json.dumps(seen))
        return 0 if all(seen[k] for k in ("pages", "text", "new_text", "kept_place")) else 1
    finally:
        if session:
            try:
                call(base, "DELETE", f"/session/{session}")
            except Exception:
                pass
        proc.terminate()
        proc.wait()

if __name__ == "__main__":
    sys.exit(main())
