// Loads the app's plotly.js once per browser page and shares it: the charts' component calls this,
// and pages with charts call it at their start, so the library loads while the page is still
// being built. __URL_PLOTLY__ is filled in by dasbor/grafik_web.py (with the bundle's hash).
function sakipMuatPlotly() {
  if (!window.sakipPlotly) {
    window.sakipPlotly = new Promise((berhasil, gagal) => {
      const s = document.createElement("script");
      s.src = "__URL_PLOTLY__";
      s.onload = () => berhasil(window.Plotly);
      s.onerror = () => {
        window.sakipPlotly = null; // the next chart tries again
        gagal(new Error("pustaka grafik (plotly.js) tidak termuat dari server"));
      };
      document.head.appendChild(s);
    });
  }
  return window.sakipPlotly;
}
