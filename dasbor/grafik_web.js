// One chart on a page: the figure's JSON drawn by Plotly.react into the same element on every rerun
// (an update, not a new chart). data: fig (JSON text), config (plotly's), tema (put the page's
// look over the figure's own, as Streamlit's chart did), penuh (fill the element's height: the
// presentation mode), klik (a click on a point reruns the page with it, once).
const TEMA_LAYAR = __TEMA_LAYAR__;

// The margins a figure settled on, remembered in the browser per figure and width. plotly's
// automargin draws a chart, measures its labels, widens the margins and draws it all again; a
// figure that starts from the margins it settled on last time is drawn once (automargin stays on:
// anything that needs more room still gets it). Pruned to the newest MARGIN_MAKS.
const KUNCI_MARGIN = "sakip-margin";
const MARGIN_MAKS = 300;
let marginTersimpan;

function simpananMargin() {
  if (marginTersimpan === undefined) {
    try {
      marginTersimpan = JSON.parse(localStorage.getItem(KUNCI_MARGIN)) || {};
    } catch (e) {
      marginTersimpan = {}; // no storage (private window, policy): every figure measures itself
    }
  }
  return marginTersimpan;
}

function sidikMargin(teks, lebar, tinggi) {
  let h = 0x811c9dc5; // FNV-1a over the figure's JSON: another figure, another entry
  for (let i = 0; i < teks.length; i++) h = Math.imul(h ^ teks.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}:${teks.length}:${lebar}x${tinggi}`;
}

function ingatMargin(kunci, ukuran) {
  const simpanan = simpananMargin();
  delete simpanan[kunci]; // re-inserted as the newest
  simpanan[kunci] = { l: ukuran.l, r: ukuran.r, t: ukuran.t, b: ukuran.b };
  const semua = Object.keys(simpanan);
  for (const lama of semua.slice(0, Math.max(0, semua.length - MARGIN_MAKS))) delete simpanan[lama];
  try {
    localStorage.setItem(KUNCI_MARGIN, JSON.stringify(simpanan));
  } catch (e) {
    // full or refused: the next page measures again
  }
}

function titik(p) {
  return {
    curve_number: p.curveNumber,
    point_index: p.pointIndex ?? p.pointNumber,
    customdata: p.customdata ?? null,
    location: p.location ?? null,
    x: p.x ?? null,
    y: p.y ?? null,
  };
}

export default function ({ data, parentElement, setTriggerValue }) {
  let el = parentElement.querySelector(".sakip-grafik");
  if (!el) {
    el = document.createElement("div");
    el.className = "sakip-grafik";
    el.style.width = "100%";
    parentElement.appendChild(el);
  }
  el.style.height = data.penuh ? "100%" : "";
  el.sakipPenuh = data.penuh;
  el.sakipKlik = setTriggerValue;
  delete el.dataset.tergambar;
  const fig = JSON.parse(data.fig);
  const layout = fig.layout || {};
  if (data.tema) layout.template = { data: (layout.template || {}).data, layout: TEMA_LAYAR };
  if (data.penuh) {
    delete layout.height;
    layout.autosize = true;
  }
  // keyed by the width the chart is drawn at (and, filling the screen, its height)
  const kunci = sidikMargin(
    data.fig + (data.tema ? "1" : "0"),
    el.clientWidth,
    data.penuh ? el.clientHeight : 0,
  );
  const margin = simpananMargin()[kunci];
  if (margin) layout.margin = Object.assign({}, layout.margin, margin);
  sakipMuatPlotly()
    .then((Plotly) =>
      Plotly.react(el, fig.data || [], layout, data.config).then(() => {
        el.dataset.tergambar = "1";
        ingatMargin(kunci, el._fullLayout._size);
        if (!el.sakipUkuran) {
          // the element's size changed from the one drawn (sidebar opened or closed, window resized,
          // presentation mode's height settling): draw again to fit
          el.sakipUkuran = new ResizeObserver(() => {
            if (!el.isConnected) {
              // the chart left the page (another page, a removed element): let it all go
              el.sakipUkuran.disconnect();
              Plotly.purge(el);
              return;
            }
            const l = el._fullLayout;
            if (!l) return;
            const lebar = Math.abs(el.clientWidth - l.width) > 1;
            if (lebar || (el.sakipPenuh && Math.abs(el.clientHeight - l.height) > 1)) Plotly.Plots.resize(el);
          });
          el.sakipUkuran.observe(el);
        }
        if (data.klik && !el.sakipAdaKlik) {
          el.sakipAdaKlik = true;
          el.on("plotly_click", (e) => el.sakipKlik("klik", e.points.map(titik)));
        }
      }),
    )
    .catch((e) => {
      el.textContent = "Grafik tidak dapat digambar: " + e.message;
      el.dataset.tergambar = "galat";
    });
}
