/* Kommuneatlas search: Pagefind in the header search box and on the search page (/soeg/).
 *
 * Everything is fetched from this site, relative to its root (so it works under a sub-path):
 * pagefind/pagefind.js loads only the index chunks and result fragments a query needs, and
 * search/citations.json (a few KB, written at build time by the Python citation parser) lets a
 * query such as "LAB § 31" offer the provision page first. Text from the index is inserted
 * with textContent; Pagefind's excerpts are rebuilt keeping only their <mark> elements.
 */
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const root = new URL(`${config.base || "."}/`, location.href);
  const FILTERS = [
    ["type", "Type"],
    ["kkr", "KKR"],
    ["netværk", "Netværk"],
    ["år", "År"],
    ["lov", "Lov"],
  ];
  const TYPES = {
    beslutning: "Beslutning",
    møde: "Møde",
    forsøg: "Forsøg",
    netværk: "Netværk",
    dokument: "Dokument",
    bestemmelse: "Bestemmelse",
    lov: "Lov",
    kommune: "Kommune",
    person: "Person",
    kkr: "KKR",
    kildetekst: "Kildetekst",
    side: "Side",
  };
  const PAGE_SIZE = 10;
  const HEADER_SIZE = 5;

  // -- loading, on first use ---------------------------------------------------------------
  let engine = null;
  function pagefind() {
    engine ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
      // No web worker: its script alone would cost a query 41 KB, for searches that take milliseconds.
      await pf.options({ baseUrl: root.pathname, excerptLength: 26, noWorker: true });
      return pf;
    });
    return engine;
  }

  let citationTable = null;
  /** The citation table, fetched only for a query with a "§" in it. */
  function citations(query) {
    if (!query.includes("§")) return Promise.resolve(null);
    citationTable ??= fetch(new URL("search/citations.json", root))
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
    return citationTable;
  }

  // -- citations: "LAB § 31", "§ 31 LAB", "servicelovens § 129", "§ 31, stk. 2, i LAB" --------
  // search/citations.json maps each name the Python parser resolves (folded) to its law, and
  // lists each law's provision pages; see kommuneatlas/search_citations.py.
  const CITATION = /^(.*?)§\s*(\d+)(?:\s*(?!i\s+\S)([a-zæøå])(?![a-zæøå]))?(.*)$/;
  const DETAIL = /^(?:\s*,?\s*(?:(?:stk|nr|litra|pkt)\.?\s*[\da-zæøå]+|[-–]\s*\d+\s*[a-zæøå]?(?![a-zæøå])))+/;
  const LEAD = /^(?:jf\.?|i|efter|ifølge|iht\.?)\s+/;

  /** The provision (or, if it has no page, the law) a query cites, or null. */
  function matchCitation(query, table) {
    if (!table || !query.includes("§")) return null;
    const q = query.toLowerCase().replace(/§§/g, "§").replace(/\s+/g, " ").trim();
    const m = CITATION.exec(q);
    if (!m) return null;
    const paragraph = m[2] + (m[3] || "");
    const tidy = (text) => text.replace(/^[\s,]+/, "").replace(LEAD, "").replace(/[\s,:;]+$/, "");
    const lookup = (name) => table.names[name] ?? table.names[name.replace(/\.$/, "")]; // "m.v." / "LAB."
    const before = tidy(m[1]);
    const lawId = before ? lookup(before) : lookup(tidy(m[4].replace(DETAIL, "")));
    const law = lawId && table.laws[lawId];
    if (!law) return null;
    const hasPage = law.provisions.includes(paragraph);
    return {
      law: lawId,
      paragraph,
      url: new URL(`love/${lawId}/${hasPage ? `${paragraph}/` : ""}`, root).pathname,
      title: hasPage ? `${law.short} § ${paragraph}` : law.short,
      text: hasPage ? law.title : `${law.title} – § ${paragraph} har ingen side på sitet`,
    };
  }

  // -- rendering helpers -------------------------------------------------------------------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  // The parts of compound words, hidden on the page (kommuneatlas/search_compounds.py), come
  // between invisible marks: after a word (U+2063) or after a heading (U+2064).
  const WORD_PARTS = /(\p{L}+)(<\/mark>)?\s*\u2063([^\u2063]*)\u2063\s*/gu;
  const HEADING_PARTS = /\s*\u2064[^\u2064]*\u2064/gu;
  const STRAY_MARK = /[\u2063\u2064]/u;

  /** An excerpt without the parts; a compound whose part matched is highlighted itself. */
  function withoutParts(html) {
    let text = html
      .replace(WORD_PARTS, (_match, word, marked, parts) => {
        const mark = !marked && parts.includes("<mark>");
        return `${mark ? "<mark>" : ""}${word}${marked || mark ? "</mark>" : ""} `;
      })
      .replace(HEADING_PARTS, "");
    // The excerpt may begin or end inside the parts: cut there.
    for (let stray = text.search(STRAY_MARK); stray >= 0; stray = text.search(STRAY_MARK)) {
      text = stray < text.length / 2 ? text.slice(stray + 1) : text.slice(0, stray);
    }
    return text;
  }

  /** Pagefind's excerpt (escaped text with <mark>) as DOM nodes: text and <mark> only. */
  function excerpt(html) {
    const parsed = new DOMParser().parseFromString(`<body>${withoutParts(html || "")}</body>`, "text/html");
    const out = document.createDocumentFragment();
    for (const node of parsed.body.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent);
      else if (node.nodeName === "MARK") out.append(el("mark", {}, node.textContent));
      else out.append(node.textContent || "");
    }
    return out;
  }

  /** Sub-results worth a deep link: sections of the page below its title (an h1 is the page itself). */
  function sections(data, limit) {
    const titles = new Set((data.anchors || []).filter((a) => a.element === "h1").map((a) => `#${a.id}`));
    return (data.sub_results || [])
      .filter((sub) => sub.url.includes("#") && !titles.has(sub.url.slice(sub.url.indexOf("#"))))
      .slice(0, limit);
  }

  function kindLine(data) {
    const filters = data.filters || {};
    const type = (filters.type || [])[0];
    return [TYPES[type] || type, ...(filters.kkr || []), ...(filters["år"] || [])].filter(Boolean).join(" · ");
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  // -- the search page ---------------------------------------------------------------------
  function searchPage(form) {
    const input = form.querySelector("input[name=q]");
    const filterBox = form.querySelector("[data-ka-filters]");
    const status = document.querySelector("[data-ka-status]");
    const list = document.querySelector("[data-ka-results]");
    const more = document.querySelector("[data-ka-more]");
    let sequence = 0;
    let pending = null;
    let shown = []; // URLs listed, so the pinned provision is not listed twice
    let remaining = []; // Pagefind results whose fragments are not loaded yet
    let duplicates = 0; // results that were the pinned provision

    function stateFromUrl() {
      const params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      for (const box of filterBox.querySelectorAll("input[type=checkbox]")) {
        box.checked = params.getAll(box.name).includes(box.value);
      }
      return params;
    }

    function selected() {
      const filters = {};
      for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
        (filters[box.name] ??= { any: [] }).any.push(box.value);
      }
      return filters;
    }

    function urlFor(query, filters) {
      const params = new URLSearchParams();
      if (query) params.set("q", query);
      for (const [name] of FILTERS) for (const value of filters[name]?.any || []) params.append(name, value);
      const search = params.toString();
      return `${location.pathname}${search ? `?${search}` : ""}`;
    }

    /** The filter panel, from search/filters.json: Pagefind's own filter index is loaded only for
     * the filters a search uses (on a large site it is bigger than a whole query). */
    async function buildFilters(params) {
      const response = await fetch(new URL("search/filters.json", root)).catch(() => null);
      const all = response?.ok ? await response.json() : {};
      for (const [name, label] of FILTERS) {
        const values = (all[name] || []).slice();
        if (!values.length) continue;
        if (name === "type") values.sort((a, b) => Object.keys(TYPES).indexOf(a) - Object.keys(TYPES).indexOf(b));
        else if (name === "år") values.sort().reverse();
        else values.sort((a, b) => a.localeCompare(b, "da"));
        const group = el("fieldset", { class: "ka-filter", "data-ka-filter": name }, el("legend", {}, label));
        for (const value of values) {
          const box = el("input", { type: "checkbox", name, value });
          box.checked = params.getAll(name).includes(value);
          group.append(el("label", {}, box, ` ${name === "type" ? TYPES[value] || value : value}`));
        }
        filterBox.append(group);
      }
    }

    function resultItem(data) {
      const item = el(
        "li",
        { class: "ka-result" },
        el("p", { class: "ka-result__art" }, kindLine(data)),
        el("h2", { class: "ka-result__titel" }, el("a", { href: data.url }, data.meta?.title || data.url)),
        el("p", { class: "ka-result__uddrag" }, excerpt(data.excerpt)),
      );
      const subs = sections(data, 3);
      if (subs.length) {
        item.append(
          el(
            "ul",
            { class: "ka-result__afsnit" },
            ...subs.map((sub) =>
              el("li", {}, el("a", { href: sub.url }, sub.title), " ", el("span", {}, excerpt(sub.excerpt))),
            ),
          ),
        );
      }
      return item;
    }

    function citationItem(hit) {
      return el(
        "li",
        { class: "ka-result ka-result--henvisning", "data-ka-citation": hit.law },
        el("p", { class: "ka-result__art" }, "Bestemmelse"),
        el("h2", { class: "ka-result__titel" }, el("a", { href: hit.url }, hit.title)),
        el("p", { class: "ka-result__uddrag" }, hit.text),
      );
    }

    async function showMore(run) {
      const batch = remaining.splice(0, PAGE_SIZE);
      const datas = await Promise.all(batch.map((result) => result.data()));
      if (run !== sequence) return;
      for (const data of datas) {
        if (shown.includes(data.url)) {
          duplicates += 1;
          continue;
        }
        list.append(resultItem(data));
        shown.push(data.url);
      }
      more.hidden = remaining.length === 0;
    }

    async function run(push) {
      const current = ++sequence;
      list.dataset.kaState = "busy";
      const query = input.value.trim();
      const filters = selected();
      const url = urlFor(query, filters);
      if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
      if (!query && !Object.keys(filters).length) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "Skriv et søgeord, eller vælg et filter.";
        finish(current, query);
        return;
      }
      const [pf, table] = await Promise.all([pagefind(), citations(query)]);
      const [search, hit] = [await pf.search(query || null, { filters }), matchCitation(query, table)];
      if (current !== sequence) return;
      list.replaceChildren();
      shown = [];
      duplicates = 0;
      remaining = search.results.slice();
      if (hit && !Object.keys(filters).length) {
        list.append(citationItem(hit));
        shown.push(hit.url);
      }
      await showMore(current);
      if (current !== sequence) return;
      const total = search.results.length + (hit && !Object.keys(filters).length ? 1 : 0) - duplicates;
      const quoted = query ? ` for »${query}«` : "";
      status.textContent = total ? `${plural(total, "resultat", "resultater")}${quoted}` : `Ingen resultater${quoted}.`;
      finish(current, query);
    }

    function finish(current, query) {
      if (current !== sequence) return;
      list.dataset.kaQuery = query;
      list.dataset.kaState = "done";
    }

    function schedule(delay) {
      list.dataset.kaState = "busy";
      clearTimeout(pending);
      pending = setTimeout(() => run(false), delay);
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(pending);
      run(true);
    });
    input.addEventListener("input", () => schedule(200));
    filterBox.addEventListener("change", () => schedule(0));
    more.addEventListener("click", () => showMore(sequence));
    window.addEventListener("popstate", () => {
      stateFromUrl();
      run(false);
    });

    list.dataset.kaState = "busy";
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    pagefind(); // loading starts while the filter panel is built
    buildFilters(params).then(() => run(false));
  }

  // -- the header search box ---------------------------------------------------------------
  function headerSearch(box) {
    const form = box.querySelector("[data-ka-search-form]");
    const input = form.querySelector("input[name=q]");
    const output = box.querySelector("[data-ka-search-output]");
    const meta = output.querySelector(".md-search-result__meta");
    const list = output.querySelector(".md-search-result__list");
    const toggle = document.getElementById("__search");
    const placeholder = meta.textContent;
    let sequence = 0;

    function open(state) {
      if (toggle && toggle.checked !== state) {
        toggle.checked = state;
        toggle.dispatchEvent(new Event("change"));
      }
    }

    function entry(href, title, text, subs = []) {
      return el(
        "li",
        { class: "md-search-result__item" },
        el(
          "a",
          { href, class: "md-search-result__link" },
          el(
            "article",
            { class: "md-search-result__article md-typeset" },
            el("h1", {}, title),
            el("p", {}, text),
          ),
        ),
        ...subs.map((sub) =>
          el(
            "a",
            { href: sub.url, class: "md-search-result__link" },
            el(
              "article",
              { class: "md-search-result__article md-typeset" },
              el("h2", {}, sub.title),
              el("p", {}, excerpt(sub.excerpt)),
            ),
          ),
        ),
      );
    }

    async function run() {
      const current = ++sequence;
      const query = input.value.trim();
      output.dataset.kaState = "busy";
      if (!query) {
        list.replaceChildren();
        meta.textContent = placeholder;
      } else {
        const [pf, table] = await Promise.all([pagefind(), citations(query)]);
        const search = await pf.debouncedSearch(query, {}, 120);
        if (search === null || current !== sequence) return;
        const hit = matchCitation(query, table);
        const datas = await Promise.all(search.results.slice(0, HEADER_SIZE).map((result) => result.data()));
        if (current !== sequence) return;
        const items = hit ? [entry(hit.url, hit.title, hit.text)] : [];
        for (const data of datas) {
          if (hit && data.url === hit.url) continue;
          items.push(entry(data.url, data.meta?.title || data.url, excerpt(data.excerpt), sections(data, 2)));
        }
        const total = search.results.length;
        if (total > datas.length) {
          const all = new URL("soeg/", root);
          all.searchParams.set("q", query);
          const link = el("a", { href: `${all.pathname}${all.search}`, class: "md-search-result__link" });
          link.append(el("article", { class: "md-search-result__article md-typeset" }, el("p", {}, `Vis alle ${total} resultater på søgesiden`)));
          items.push(el("li", { class: "md-search-result__item ka-alle" }, link));
        }
        list.replaceChildren(...items);
        meta.textContent = total || hit ? plural(total, "resultat", "resultater") : `Ingen resultater for »${query}«`;
      }
      output.dataset.kaQuery = query;
      output.dataset.kaState = "done";
    }

    input.addEventListener("focus", () => {
      open(true);
      pagefind();
    });
    input.addEventListener("input", run);
    form.addEventListener("reset", () => setTimeout(run));
    toggle?.addEventListener("change", () => {
      if (toggle.checked && document.activeElement !== input) input.focus();
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        open(false);
        input.blur();
      }
    });
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing = target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f"].includes(event.key)) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  const box = document.querySelector(".ka-header-search");
  if (box) headerSearch(box);
  const page = document.querySelector("[data-ka-search-page]");
  if (page) searchPage(page);
  window.kommuneatlasSearch = { matchCitation: async (query) => matchCitation(query, await citations(query)) };
})();
