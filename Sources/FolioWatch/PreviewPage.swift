/// The preview page: plain HTML, CSS and JavaScript, nothing fetched from elsewhere. It asks `/state` for the last
/// render, shows its pages (each picture's alternative text is the page's text), the page map and the warnings
/// with their source lines, and listens to `/events`: at each render it asks again and replaces only the pictures
/// that changed, so the scroll position stays where it was.
enum PreviewPage {
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>folio watch</title>
    <style>
      body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #e8e8e8; color: #222; }
      header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #ccc; padding: 6px 12px;
               display: flex; gap: 16px; align-items: center; }
      header .status { margin-left: auto; color: #666; }
      main { display: flex; gap: 16px; padding: 12px; align-items: flex-start; }
      #pages { flex: 1; display: flex; flex-direction: column; align-items: center; gap: 12px; }
      #pages figure { margin: 0; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
      #pages img { display: block; max-width: 100%; }
      #pages figcaption { font-size: 12px; color: #555; padding: 2px 6px; }
      aside { width: 34em; position: sticky; top: 48px; max-height: calc(100vh - 60px); overflow: auto; }
      table { border-collapse: collapse; width: 100%; background: #fff; }
      td, th { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; font-size: 12px; }
      #error { display: none; background: #fde2e1; border: 1px solid #d33; padding: 8px 12px; margin: 12px; white-space: pre-wrap; }
      .warning { background: #fff8e1; border-left: 3px solid #e0a000; padding: 4px 8px; margin: 4px 0; font-size: 12px; }
      .warning code { display: block; white-space: pre-wrap; overflow-wrap: anywhere; color: #444; background: #f4f4f4; margin-top: 2px; }
    </style>
    </head>
    <body>
    <header>
      <label>Edition <select id="edition"></select></label>
      <label><input type="checkbox" id="boxes"> Layout boxes</label>
      <span id="pdf"></span>
      <span class="status" id="status">connecting…</span>
    </header>
    <div id="error"></div>
    <main>
      <section id="pages"></section>
      <aside>
        <h3>Page map</h3>
        <table><thead><tr><th>page</th><th>label</th><th>source</th><th>headings / notes</th></tr></thead>
        <tbody id="map"></tbody></table>
        <h3>Warnings <span id="count"></span></h3>
        <div id="warnings"></div>
      </aside>
    </main>
    <script>
    "use strict";
    const $ = id => document.getElementById(id);
    let state = null;
    let edition = sessionStorage.getItem("edition");
    $("boxes").checked = sessionStorage.getItem("boxes") === "1";

    async function load() {
      const response = await fetch("/state", { cache: "no-store" });
      state = await response.json();
      show();
    }

    function current() {
      if (!state.editions.some(e => e.code === edition)) edition = state.editions.length ? state.editions[0].code : null;
      return state.editions.find(e => e.code === edition);
    }

    function show() {
      const e = current();
      const select = $("edition");
      select.replaceChildren(...state.editions.map(x => new Option(x.code + " — " + x.title, x.code, false, x.code === edition)));
      const error = $("error");
      error.style.display = state.error ? "block" : "none";
      error.textContent = state.error ? describe(state.error) + "\nThe pages below are the last good render." : "";
      $("status").textContent = "render " + state.version;
      if (!e) return;
      $("pdf").textContent = e.pdf;
      showPages(e);
      showMap(e);
      showWarnings(e);
    }

    function describe(d) {
      return (d.place ? d.place + ": " : "") + d.text + (d.source != null ? "\n    " + d.source : "");
    }

    function showPages(e) {
      const pages = $("pages");
      const boxes = $("boxes").checked;
      while (pages.children.length > e.pages.length) pages.lastElementChild.remove();
      e.pages.forEach((p, i) => {
        let figure = pages.children[i];
        if (!figure) {
          figure = document.createElement("figure");
          figure.append(document.createElement("img"), document.createElement("figcaption"));
          pages.append(figure);
        }
        figure.id = "page-" + p.number;
        const img = figure.firstElementChild;
        const src = "/pages/" + encodeURIComponent(boxes && p.boxes ? p.boxes : p.picture) + "?v=" + p.version;
        if (img.getAttribute("src") !== src) img.setAttribute("src", src);
        img.alt = p.text;
        img.className = "page";
        figure.lastElementChild.textContent = "page " + p.number + " (" + p.label + ")  " + p.lines;
      });
    }

    function showMap(e) {
      $("map").replaceChildren(...e.pages.map(p => {
        const row = document.createElement("tr");
        for (const text of [p.number, p.label, p.lines, p.contents]) {
          const cell = document.createElement("td");
          cell.textContent = text;
          row.append(cell);
        }
        row.onclick = () => $("page-" + p.number).scrollIntoView();
        return row;
      }));
    }

    function showWarnings(e) {
      $("count").textContent = "(" + e.warnings.length + ")";
      $("warnings").replaceChildren(...e.warnings.map(w => {
        const div = document.createElement("div");
        div.className = "warning";
        div.textContent = (w.place ? w.place + ": " : "") + w.severity + ": " + w.text;
        if (w.source != null) {
          const code = document.createElement("code");
          code.textContent = w.source;
          div.append(code);
        }
        return div;
      }));
    }

    $("edition").onchange = () => { edition = $("edition").value; sessionStorage.setItem("edition", edition); show(); };
    $("boxes").onchange = () => { sessionStorage.setItem("boxes", $("boxes").checked ? "1" : "0"); show(); };
    // A reload of the whole page (by hand) comes back to the same place.
    addEventListener("beforeunload", () => sessionStorage.setItem("scroll", String(scrollY)));

    const events = new EventSource("/events");
    events.onmessage = () => load();
    events.onopen = () => load();
    events.onerror = () => { $("status").textContent = "disconnected: is folio watch still running?"; };
    load().then(() => {
      const y = Number(sessionStorage.getItem("scroll") || 0);
      if (y) addEventListener("load", () => scrollTo(0, y), { once: true });
    });
    </script>
    </body>
    </html>
    """#
}
