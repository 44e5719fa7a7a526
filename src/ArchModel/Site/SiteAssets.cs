namespace ArchModel.Site;

/// <summary>The site's style sheet and script, written as local files (the pages' CSP allows 'self' only).</summary>
internal static class SiteAssets
{
    public const string Css = """
:root { --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --soft:#f5f7fa; --accent:#9b1c1c; --blue:#1f4e79; --bad:#b42318; --warn:#b54708; --info:#6b3fa0; --ok:#1e7b34; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); line-height: 1.55; font-size: 14px;
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
header.top { background: var(--blue); color: #fff; padding: 8px 24px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
header.top a { color: #fff; font-weight: 600; }
header.top form { margin-left: auto; }
header.top input { padding: 4px 8px; width: 260px; border: 0; border-radius: 4px; }
main { max-width: 1240px; margin: 0 auto; padding: 12px 24px 48px; }
nav.crumbs { color: var(--muted); margin: 6px 0 2px; }
h1 { font-size: 1.6rem; margin: 6px 0 10px; }
h2 { font-size: 1.2rem; color: var(--blue); border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 28px 0 10px; }
a { color: var(--blue); text-decoration: none; }
a:hover { text-decoration: underline; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card .num { font-size: 1.3rem; font-weight: 700; }
.card .lbl { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--soft); white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:target { background: #fff4ce; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; background: var(--soft); padding: 0 3px; border-radius: 3px; }
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-info { color: var(--info); font-weight: 600; }
.muted { color: var(--muted); }
.pages a { margin-right: 8px; }
ul.tree { columns: 3; column-gap: 24px; padding-left: 1.2em; }
ul.tree li { break-inside: avoid; }
.diagram { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; position: relative; background: #fff; }
.diagram .viewport { height: 560px; overflow: hidden; cursor: grab; }
.diagram .viewport.dragging { cursor: grabbing; }
.diagram svg.graph { width: 100%; height: 100%; display: block; }
.diagram .tools { position: absolute; top: 6px; right: 6px; display: flex; gap: 4px; }
.diagram .tools button { width: 30px; height: 28px; border: 1px solid var(--line); background: #fff; border-radius: 4px; cursor: pointer; font-size: 15px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: .85rem; color: var(--muted); margin: 6px 0 10px; }
.legend dl { margin: 0; }
.legend dt { font-weight: 600; color: var(--ink); }
.legend dd { margin: 0 0 4px 0; }
.sw { display: inline-block; width: 12px; height: 12px; border: 2px solid; margin-right: 4px; vertical-align: -1px; }
.sw.error { border-color: #c0392b; } .sw.warning { border-color: #e67e22; } .sw.info { border-color: #8e44ad; }
.sw.jur { background: #e3ecf7; border-color: #52606d; } .sw.ag { background: #e0e7ff; border-color: #52606d; }
.sw.sys { background: #dbeafe; border-color: #52606d; border-radius: 3px; } .sw.grp { background: #eef0f3; border-color: #52606d; }
.sw.ext { background: #f5f7fa; border-color: #52606d; border-style: dashed; }
#results li { margin: 3px 0; }
footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); margin-top: 32px; padding-top: 8px; }
""";

    /// <summary>Pan and zoom of every diagram (wheel, drag, buttons, keyboard-free), and the search page.</summary>
    public const string Js = """
(function () {
  'use strict';
  function setupDiagram(box) {
    var viewport = box.querySelector('.viewport');
    var svg = viewport && viewport.querySelector('svg');
    if (!svg) { return; }
    var vb = svg.getAttribute('viewBox');
    if (!vb) { return; }
    var base = vb.split(/[\s,]+/).map(Number);
    var view = base.slice();
    function apply() { svg.setAttribute('viewBox', view.join(' ')); box.setAttribute('data-zoom', (base[2] / view[2]).toFixed(3)); }
    function zoom(factor, cx, cy) {
      var w = view[2] / factor, h = view[3] / factor;
      if (w < base[2] / 40 || w > base[2] * 4) { return; }
      var fx = cx === undefined ? 0.5 : cx, fy = cy === undefined ? 0.5 : cy;
      view = [view[0] + (view[2] - w) * fx, view[1] + (view[3] - h) * fy, w, h];
      apply();
    }
    function fraction(e) {
      var r = svg.getBoundingClientRect();
      return [(e.clientX - r.left) / Math.max(1, r.width), (e.clientY - r.top) / Math.max(1, r.height)];
    }
    viewport.addEventListener('wheel', function (e) {
      e.preventDefault();
      var f = fraction(e);
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, f[0], f[1]);
    }, { passive: false });
    var drag = null;
    viewport.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) { return; }
      drag = { x: e.clientX, y: e.clientY, view: view.slice(), moved: false };
    });
    window.addEventListener('pointermove', function (e) {
      if (!drag) { return; }
      var r = svg.getBoundingClientRect();
      var dx = (e.clientX - drag.x) * drag.view[2] / Math.max(1, r.width);
      var dy = (e.clientY - drag.y) * drag.view[3] / Math.max(1, r.height);
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4) { drag.moved = true; viewport.classList.add('dragging'); }
      view = [drag.view[0] - dx, drag.view[1] - dy, view[2], view[3]];
      apply();
    });
    window.addEventListener('pointerup', function () { viewport.classList.remove('dragging'); setTimeout(function () { drag = null; }, 0); });
    // A drag must not follow the link it started on.
    viewport.addEventListener('click', function (e) { if (drag && drag.moved) { e.preventDefault(); } }, true);
    box.querySelectorAll('button[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        var z = b.getAttribute('data-zoom');
        if (z === 'reset') { view = base.slice(); apply(); svg.setAttribute('viewBox', vb); } else { zoom(z === 'in' ? 1.25 : 0.8); }
      });
    });
  }
  function setupSearch() {
    var out = document.getElementById('results');
    if (!out) { return; }
    var params = new URLSearchParams(location.search);
    var q = (params.get('q') || '').trim();
    var input = document.getElementById('q');
    if (input) { input.value = q; }
    var entries = window.ARCHMODEL_SEARCH || [];
    var pages = window.ARCHMODEL_PAGES || [];
    var kinds = window.ARCHMODEL_KINDS || [];
    var count = document.getElementById('count');
    if (!q) { count.textContent = count.getAttribute('data-empty'); return; }
    var needle = q.toLowerCase();
    var exact = [], found = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      if (e[0].toLowerCase() === needle) { exact.push(e); }
      else if (e[0].toLowerCase().indexOf(needle) >= 0 || e[1].toLowerCase().indexOf(needle) >= 0 || e[2].toLowerCase().indexOf(needle) >= 0) { found.push(e); }
    }
    var all = exact.concat(found);
    count.textContent = count.getAttribute('data-found').replace('{0}', String(all.length));
    var shown = all.slice(0, 500);
    shown.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = pages[e[3]] + '#' + encodeURIComponent(e[0]);
      a.textContent = e[1] || e[0];
      li.appendChild(a);
      var meta = document.createElement('span');
      meta.className = 'muted';
      meta.textContent = ' ' + kinds[e[4]] + ' · ' + e[0] + (e[2] ? ' · ' + e[2] : '');
      li.appendChild(meta);
      out.appendChild(li);
    });
  }
  function setupFind() {
    var p = document.getElementById('find');
    if (!p) { return; }
    var id = decodeURIComponent(location.hash.slice(1));
    var entries = window.ARCHMODEL_SEARCH || [];
    var pages = window.ARCHMODEL_PAGES || [];
    for (var i = 0; i < entries.length; i++) {
      if (entries[i][0] === id) { location.replace(pages[entries[i][3]] + '#' + encodeURIComponent(id)); return; }
    }
    p.textContent = p.getAttribute('data-missing').replace('{0}', id);
  }
  document.querySelectorAll('.diagram').forEach(setupDiagram);
  setupSearch();
  setupFind();
})();
""";
}
