// The app's plotly.js: the core and only the trace types the chart sections draw (a full bundle is
// three times larger and was most of a page's load time). tests/test_grafik_web.py holds this list
// equal to the go.<Trace> types in sakip_calc/presentation. Built by scripts/bangun_plotly.sh.
var Plotly = require("plotly.js/lib/core");

Plotly.register([
  require("plotly.js/lib/bar"),
  require("plotly.js/lib/choropleth"),
  require("plotly.js/lib/heatmap"),
  require("plotly.js/lib/pie"),
  require("plotly.js/lib/scattergeo"),
  require("plotly.js/lib/treemap"),
  require("plotly.js/lib/locales/id"),
]);

window.Plotly = Plotly;
