// One chart on a page: the figure's JSON drawn by Plotly.react into the same element on every rerun
// (an update, not a new chart). data: fig (JSON text), config (plotly's), tema (put the page's
// look over the figure's own, as Streamlit's chart did), penuh (fill the element's height: the
// presentation mode), klik (a click on a point reruns the page with it, once).
const TEMA_LAYAR = __TEMA_LAYAR__;

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
  sakipMuatPlotly()
    .then((Plotly) =>
      Plotly.react(el, fig.data || [], layout, data.config).then(() => {
        el.dataset.tergambar = "1";
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
