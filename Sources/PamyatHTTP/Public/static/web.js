// pamyat's web page: the little script the pages need (no framework, no build step).
// Search, concordance and the memory work without it; it reads files into the align form, sends
// forms with the session's CSRF token, and runs the review of an alignment (accept, reject, join,
// split, store through POST /api/v1/add).
"use strict";

function csrfToken() {
  const found = document.cookie.split("; ").find((c) => c.startsWith("pamyat_csrf="));
  return found ? decodeURIComponent(found.slice("pamyat_csrf=".length)) : "";
}

function headers(extra) {
  const h = Object.assign({}, extra);
  const token = csrfToken();
  if (token) h["X-CSRF-Token"] = token;
  return h;
}

// Enter submits a one-line textarea's form (Shift+Enter breaks the line).
document.addEventListener("keydown", (event) => {
  const t = event.target;
  if (event.key === "Enter" && !event.shiftKey && t.matches && t.matches("textarea[data-enter-submits]")) {
    event.preventDefault();
    t.form.requestSubmit();
  }
});

// A file chosen for a document fills its text box.
document.addEventListener("change", async (event) => {
  const input = event.target;
  if (!input.matches || !input.matches("input[type=file][data-fills]") || !input.files.length) return;
  const box = document.getElementById(input.dataset.fills);
  box.value = await input.files[0].text();
  if (/\.html?$/i.test(input.files[0].name)) document.getElementById("input").value = "html";
});

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (form.id === "login-form") {
    event.preventDefault();
    const body = new URLSearchParams({ token: form.token.value });
    const reply = await fetch("/login", { method: "POST", body, credentials: "same-origin" });
    if (reply.ok) { location.assign(form.next.value || "/search"); return; }
    const error = document.getElementById("login-error");
    error.textContent = reply.status === 401 ? "The token is wrong." : "Logging in failed (" + reply.status + ").";
    error.hidden = false;
    form.token.select();
  } else if (form.id === "align-form" || form.id === "review-form") {
    // Aligning documents, or reading a review file: the page the server answers replaces this one.
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    const label = button.textContent;
    button.disabled = true;
    button.textContent = form.id === "align-form" ? "Aligning…" : "Reading…";
    try {
      const reply = await fetch(form.getAttribute("action"), {
        method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(form)),
        headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
      });
      const page = new DOMParser().parseFromString(await reply.text(), "text/html");
      const main = page.getElementById("main");
      if (!main) throw new Error("the server answered " + reply.status);
      document.getElementById("main").replaceWith(main);
      setUp();
      const heading = main.querySelector(".review h2, .error");
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    } catch (error) {
      button.disabled = false;
      button.textContent = label;
      alert(label + " failed: " + error.message);
    }
  }
});

document.addEventListener("click", async (event) => {
  const target = event.target;
  if (target.id === "logout") {
    await fetch("/logout", { method: "POST", credentials: "same-origin", headers: headers({}) });
    location.assign("/login");
  } else if (target.id === "add-translation") {
    addTranslation();
  } else if (target.id === "store") {
    await store(target);
  } else if (target.matches("button.join")) {
    join(target.closest("tr"));
  } else if (target.matches("button.split")) {
    split(target.closest("tr"));
  }
});

document.addEventListener("change", (event) => {
  if (event.target.matches && event.target.matches("input.keep")) markRow(event.target.closest("tr"));
});

function addTranslation() {
  const all = document.querySelectorAll("fieldset.translation");
  const copy = all[all.length - 1].cloneNode(true);
  const n = all.length + 1;
  copy.querySelector("legend").textContent = "Translation " + n;
  for (const element of copy.querySelectorAll("[id]")) element.id = element.id.replace(/-\d+$/, "-" + n);
  for (const label of copy.querySelectorAll("label[for]")) label.htmlFor = label.htmlFor.replace(/-\d+$/, "-" + n);
  const file = copy.querySelector("input[type=file]");
  file.dataset.fills = "translation-" + n;
  file.value = "";
  copy.querySelector("textarea").value = "";
  copy.querySelector("input[name=to]").value = "";
  document.getElementById("translations").appendChild(copy);
  copy.querySelector("input[name=to]").focus();
}

function sentences(row, side) { return Array.from(row.querySelector("td." + side).querySelectorAll("span.s")); }

function fill(cell, spans) {
  cell.textContent = "";
  for (const span of spans) { cell.appendChild(span); cell.appendChild(document.createTextNode(" ")); }
}

// A row after a reviewer's change: paired rows can be accepted, a side left empty cannot.
function reviewed(row, accept) {
  const paired = sentences(row, "src").length > 0 && sentences(row, "tgt").length > 0;
  const box = row.querySelector("input.keep");
  row.classList.remove("low");
  row.classList.toggle("unpaired", !paired);
  box.disabled = !paired;
  box.checked = paired && accept;
  const score = row.querySelector("td.score");
  score.textContent = sentences(row, "src").length + "-" + sentences(row, "tgt").length + " reviewed";
  markRow(row);
}

function markRow(row) {
  const box = row.querySelector("input.keep");
  row.classList.toggle("rejected", !box.checked);
}

function renumber(table) {
  table.querySelectorAll("tbody tr").forEach((row, index) => { row.querySelector("td.n").textContent = index + 1; });
}

function join(row) {
  const next = row.nextElementSibling;
  if (!next) { announce("The last row has no next row to join."); return; }
  for (const side of ["src", "tgt"]) fill(row.querySelector("td." + side), sentences(row, side).concat(sentences(next, side)));
  next.remove();
  reviewed(row, true);
  renumber(row.closest("table"));
  row.querySelector("button.join").focus();
}

function split(row) {
  const source = sentences(row, "src"), target = sentences(row, "tgt");
  if (source.length < 2 && target.length < 2) { announce("Row " + row.querySelector("td.n").textContent + " has one sentence a side: nothing to split."); return; }
  const first = row.cloneNode(true);
  // The first sentence of each side that has several goes to the new row; a single sentence stays with the first row.
  const take = (spans) => (spans.length >= 2 ? [spans[0]] : spans);
  const firstSource = take(source), firstTarget = take(target);
  fill(first.querySelector("td.src"), firstSource.map((s) => s.cloneNode(true)));
  fill(first.querySelector("td.tgt"), firstTarget.map((s) => s.cloneNode(true)));
  fill(row.querySelector("td.src"), source.filter((s) => !firstSource.includes(s)));
  fill(row.querySelector("td.tgt"), target.filter((s) => !firstTarget.includes(s)));
  row.parentNode.insertBefore(first, row);
  reviewed(first, true);
  reviewed(row, true);
  renumber(row.closest("table"));
  first.querySelector("button.split").focus();
}

function announce(text) {
  const status = document.getElementById("store-summary");
  if (status) status.textContent = text;
}

function text(cell) { return Array.from(cell.querySelectorAll("span.s")).map((s) => s.textContent).join(" "); }

async function store(button) {
  const form = document.getElementById("align-form");
  const parts = [];
  button.disabled = true;
  try {
    for (const section of document.querySelectorAll("section.review")) {
      const pairs = [];
      for (const row of section.querySelectorAll("tbody tr")) {
        const box = row.querySelector("input.keep");
        if (box.checked && !box.disabled) pairs.push({ source: text(row.querySelector("td.src")), target: text(row.querySelector("td.tgt")) });
      }
      const label = section.dataset.from + " → " + section.dataset.to;
      if (!pairs.length) { parts.push(label + ": nothing accepted"); continue; }
      const request = { from: section.dataset.from, to: section.dataset.to, pairs };
      // A review file's section names its document; aligned documents take the form's.
      for (const name of ["document", "title", "date"]) {
        const value = (section.dataset[name] || form[name].value).trim();
        if (value) request[name] = value;
      }
      const reply = await fetch("/api/v1/add", {
        method: "POST", credentials: "same-origin", body: JSON.stringify(request),
        headers: headers({ "Content-Type": "application/json" }),
      });
      const answer = await reply.json();
      if (!reply.ok) { parts.push(label + ": not stored — " + answer.error.message); continue; }
      parts.push(label + ": " + answer.created + " unit(s) added, " + answer.alreadyPresent + " already present, to memory " + answer.memory);
    }
  } catch (error) {
    parts.push("Storing failed: " + error.message);
  }
  announce(parts.join("; ") + ".");
  button.disabled = false;
}

function setUp() {
  const add = document.getElementById("add-translation");
  if (add) add.hidden = false;
  document.querySelectorAll("input.keep").forEach((box) => markRow(box.closest("tr")));
}

setUp();
