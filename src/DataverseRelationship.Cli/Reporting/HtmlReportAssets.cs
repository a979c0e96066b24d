namespace DataverseRelationship.Cli.Reporting;

/// <summary>The inline stylesheet and script of the HTML report (no network: no CDN, no web fonts).</summary>
internal static class HtmlReportAssets
{
    public const string Style = """
        :root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --card:#fff;
                --t0:#9aa5b1; --t1:#2f80ed; --t2:#27ae60; --bad:#d64545; --warn:#f0b429; --ok:#27ae60; }
        * { box-sizing:border-box; }
        body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif; color:var(--ink); background:var(--bg); }
        header { background:#102a43; color:#fff; padding:20px 32px; }
        header h1 { margin:0 0 4px; font-size:22px; font-weight:600; }
        header .meta { margin:0; color:#bcccdc; }
        main { padding:20px 32px 40px; max-width:1280px; }
        section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:0 0 18px; }
        h2 { margin:0 0 12px; font-size:16px; }
        .kpis { display:grid; grid-template-columns:repeat(auto-fill,minmax(130px,1fr)); gap:12px; background:none; border:0; padding:0; }
        .kpi { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
        .kpi .value { font-size:24px; font-weight:600; }
        .kpi .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
        .kpi.alert .value { color:var(--bad); }
        .row { display:grid; grid-template-columns:1fr 1fr; gap:18px; }
        .grid { display:grid; grid-template-columns:repeat(3,1fr); gap:14px; }
        figure { margin:0; }
        figcaption { font-weight:600; margin-bottom:4px; }
        .chart svg { display:block; width:100%; height:auto; }
        .chart.bars svg { max-width:680px; }
        .chart text { font:11px system-ui,sans-serif; fill:var(--ink); }
        .chart .axis { stroke:var(--line); }
        .chart .muted { fill:var(--muted); }
        table { border-collapse:collapse; width:100%; }
        th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { font-size:12px; color:var(--muted); font-weight:600; }
        td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
        .tier { display:inline-block; padding:1px 8px; border-radius:10px; color:#fff; font-size:12px; white-space:nowrap; }
        .tier-transactional { background:var(--t0); } .tier-preferred { background:var(--t1); } .tier-strategicPartner { background:var(--t2); }
        .band-poor { color:var(--bad); font-weight:600; } .band-fair { color:#b7791f; } .band-good { color:var(--ok); }
        .timelines { display:grid; grid-template-columns:repeat(2,1fr); gap:14px; }
        .note { color:var(--muted); font-size:12px; }
        .scroll { overflow-x:auto; }
        td.explain { min-width:280px; }
        #report-status { color:var(--muted); font-size:12px; margin:0 0 12px; }
        #report-status[data-status="error"] { color:var(--bad); font-weight:600; }
        @media (max-width: 900px) { .row, .grid, .timelines { grid-template-columns:1fr; } }
        """;

    public const string Script = """
        (function () {
          'use strict';
          var status = document.getElementById('report-status');
          var errors = [];
          var charts = 0;
          window.addEventListener('error', function (e) { errors.push(String(e.message)); publish(); });
          var NS = 'http://www.w3.org/2000/svg';
          function el(name, attrs, parent) {
            var node = document.createElementNS(NS, name);
            for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { node.setAttribute(k, String(attrs[k])); } }
            if (parent) { parent.appendChild(node); }
            return node;
          }
          function text(parent, x, y, value, attrs) {
            var t = el('text', Object.assign({ x: x, y: y }, attrs || {}), parent);
            t.textContent = value;
            return t;
          }
          function svg(container, width, height, label) {
            var s = el('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': label });
            container.appendChild(s);
            return s;
          }
          function fmt(n) { return Number(n).toLocaleString('en-US'); }
          function bars(container, items, label) {
            var rowH = 26, left = 230, width = 640, right = 60;
            var s = svg(container, width, items.length * rowH + 8, label);
            var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
            items.forEach(function (item, i) {
              var y = 4 + i * rowH;
              var w = (width - left - right) * item.value / max;
              text(s, left - 8, y + 16, item.label, { 'text-anchor': 'end' });
              var r = el('rect', { x: left, y: y + 3, width: Math.max(w, 1), height: rowH - 8, rx: 3, fill: item.color, 'class': 'bar',
                                   'data-label': item.label, 'data-value': item.value }, s);
              el('title', {}, r).textContent = item.label + ': ' + fmt(item.value);
              text(s, left + Math.max(w, 1) + 6, y + 16, fmt(item.value), { 'class': 'value' });
            });
            charts++;
          }
          function histogram(container, h) {
            var width = 320, height = 170, left = 28, bottom = 22, top = 14;
            var s = svg(container, width, height, h.score + ' distribution');
            var max = Math.max.apply(null, h.bins.concat([1]));
            var bw = (width - left - 6) / h.bins.length;
            el('line', { x1: left, y1: height - bottom, x2: width - 4, y2: height - bottom, 'class': 'axis' }, s);
            h.bins.forEach(function (count, i) {
              var bh = (height - bottom - top) * count / max;
              var x = left + i * bw;
              var r = el('rect', { x: x + 2, y: height - bottom - bh, width: bw - 4, height: bh, rx: 2, fill: h.color, 'class': 'bin',
                                   'data-bin': i * 10, 'data-value': count }, s);
              el('title', {}, r).textContent = h.score + ' ' + (i * 10) + '–' + (i === 9 ? 100 : i * 10 + 9) + ': ' + count;
              if (count > 0) { text(s, x + bw / 2, height - bottom - bh - 3, String(count), { 'text-anchor': 'middle' }); }
              text(s, x + bw / 2, height - 7, String(i * 10), { 'text-anchor': 'middle', 'class': 'muted' });
            });
            charts++;
          }
          function timeline(container, t, start, end) {
            var width = 560, height = 120, left = 118, right = 12, top = 10, bottom = 22;
            var s = svg(container, width, height, t.name + ' tier timeline');
            var span = Math.max(end - start, 1);
            function x(ms) { return left + (width - left - right) * (Math.min(Math.max(ms, start), end) - start) / span; }
            function y(tier) { return top + (2 - tier) * ((height - top - bottom) / 2); }
            data.tierLabels.forEach(function (label, tier) {
              el('line', { x1: left, y1: y(tier), x2: width - right, y2: y(tier), 'class': 'axis' }, s);
              text(s, left - 8, y(tier) + 4, label, { 'text-anchor': 'end', 'class': 'muted' });
            });
            text(s, left, height - 6, data.startLabel, { 'class': 'muted' });
            text(s, width - right, height - 6, data.endLabel, { 'text-anchor': 'end', 'class': 'muted' });
            var first = t.changes[0];
            var level = first.from === null ? first.to : first.from;
            var d = 'M' + x(start) + ' ' + y(level);
            t.changes.forEach(function (c) { d += ' H' + x(c.t) + ' V' + y(c.to); level = c.to; });
            d += ' H' + x(end);
            el('path', { d: d, fill: 'none', stroke: '#102a43', 'stroke-width': 2, 'class': 'step' }, s);
            t.changes.forEach(function (c) {
              var up = c.from === null || c.to > c.from;
              var dot = el('circle', { cx: x(c.t), cy: y(c.to), r: 5, fill: up ? data.colors.up : data.colors.down, 'class': 'change',
                                       'data-to': c.to }, s);
              el('title', {}, dot).textContent = c.date + ': ' + (c.from === null ? '—' : data.tierLabels[c.from]) + ' → ' +
                data.tierLabels[c.to] + ' (' + c.kind + ') ' + c.reason;
            });
            charts++;
          }
          function healthHistory(container, h, start, end) {
            var width = 560, height = 150, left = 34, right = 12, top = 10, bottom = 22;
            var s = svg(container, width, height, h.name + ' health over time');
            var span = Math.max(end - start, 1);
            function x(ms) { return left + (width - left - right) * (Math.min(Math.max(ms, start), end) - start) / span; }
            function y(v) { return top + (100 - v) * (height - top - bottom) / 100; }
            [0, 50, 100].forEach(function (v) {
              el('line', { x1: left, y1: y(v), x2: width - right, y2: y(v), 'class': 'axis' }, s);
              text(s, left - 6, y(v) + 4, String(v), { 'text-anchor': 'end', 'class': 'muted' });
            });
            var from = new Date(start).getUTCFullYear(), to = new Date(end).getUTCFullYear();
            for (var year = from; year <= to + 1; year++) {
              var at = Date.UTC(year, 0, 1);
              if (at < start || at > end) { continue; }
              el('line', { x1: x(at), y1: top, x2: x(at), y2: height - bottom, 'class': 'axis' }, s);
              text(s, x(at), height - 6, String(year), { 'text-anchor': 'middle', 'class': 'muted' });
            }
            var d = '', pen = false;
            h.points.forEach(function (p) {
              if (p.health === null) { pen = false; return; }
              d += (pen ? ' L' : ' M') + x(p.t) + ' ' + y(p.health);
              pen = true;
            });
            if (d) { el('path', { d: d, fill: 'none', stroke: '#2f80ed', 'stroke-width': 2, 'class': 'health-line' }, s); }
            h.points.forEach(function (p) {
              if (p.health === null) { return; }
              var dot = el('circle', { cx: x(p.t), cy: y(p.health), r: h.points.length > 40 ? 1.5 : 2.5, fill: '#102a43', 'class': 'snapshot', 'data-health': p.health }, s);
              el('title', {}, dot).textContent = p.date + ': health ' + p.health + ' (' + p.band + '), churn risk ' + p.churn + ', ' + p.tier;
            });
            charts++;
          }
          function guarded(name, draw) {
            try { draw(); } catch (e) { errors.push(name + ': ' + (e && e.message ? e.message : String(e))); }
          }
          function publish() {
            status.setAttribute('data-charts', String(charts));
            status.setAttribute('data-errors', String(errors.length));
            status.setAttribute('data-status', errors.length === 0 ? 'ok' : 'error');
            status.textContent = 'Charts drawn: ' + charts + '. Script errors: ' + errors.length + (errors.length ? ' (' + errors.join('; ') + ')' : '') + '.';
          }
          var data = null;
          guarded('data', function () { data = JSON.parse(document.getElementById('report-data').textContent); });
          if (data) {
            guarded('tiers', function () { bars(document.getElementById('chart-tiers'), data.tiers, 'Accounts per tier'); });
            guarded('verdicts', function () { bars(document.getElementById('chart-verdicts'), data.verdicts, 'Deals per verdict'); });
            guarded('games', function () { bars(document.getElementById('chart-games'), data.games, 'Deals per customer game'); });
            data.histograms.forEach(function (h, i) {
              guarded('histogram ' + h.score, function () { histogram(document.getElementById('hist-' + i), h); });
            });
            data.timelines.forEach(function (t, i) {
              guarded('timeline ' + i, function () { timeline(document.getElementById('timeline-' + i), t, data.start, data.end); });
            });
            data.histories.forEach(function (h, i) {
              guarded('history ' + i, function () { healthHistory(document.getElementById('history-' + i), h, data.start, data.end); });
            });
          }
          publish();
        })();
        """;
}
