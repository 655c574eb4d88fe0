// A short table on a page: the section's table as HTML (Tabel.html, escaped on the server); a click
// on a column's title sorts by it (numbers by their value, missing ones last); pinned columns stay
// in view when it scrolls sideways; when the page picks a row, a click on any cell of a row reruns
// the page with that row's number in the section's order (once). data: html, tetap (how many
// leading columns stay in view), pilih (rows can be picked).
function nilai(baris, i) {
  const sel = baris.cells[i];
  if (!sel || sel.classList.contains("kosong")) return null;
  return sel.dataset.v !== undefined ? Number(sel.dataset.v) : sel.textContent;
}

function urutkan(wadah, judul) {
  const i = [...judul.parentElement.children].indexOf(judul);
  const naik = judul.getAttribute("aria-sort") !== "ascending";
  judul.parentElement.querySelectorAll("th[aria-sort]").forEach((j) => j.removeAttribute("aria-sort"));
  judul.setAttribute("aria-sort", naik ? "ascending" : "descending");
  const badan = wadah.querySelector("tbody");
  const baris = [...badan.rows];
  baris.sort((a, b) => {
    const x = nilai(a, i);
    const y = nilai(b, i);
    if (x === null || y === null) return (x === null) - (y === null);
    const beda =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x).localeCompare(String(y), "id", { numeric: true });
    return naik ? beda : -beda;
  });
  badan.append(...baris);
}

export default function ({ data, parentElement, setTriggerValue }) {
  let wadah = parentElement.querySelector(".sakip-tabel-wadah");
  if (!wadah) {
    wadah = document.createElement("div");
    wadah.className = "sakip-tabel-wadah";
    parentElement.appendChild(wadah);
    wadah.addEventListener("click", (e) => {
      const judul = e.target.closest("thead th");
      if (judul) return urutkan(wadah, judul);
      const baris = e.target.closest("tbody tr");
      if (!wadah.sakipPilih || !baris) return;
      wadah.querySelectorAll("tr[aria-selected]").forEach((b) => b.removeAttribute("aria-selected"));
      baris.setAttribute("aria-selected", "true");
      wadah.sakipBaris("baris", Number(baris.dataset.i));
    });
  }
  wadah.sakipPilih = data.pilih;
  wadah.sakipBaris = setTriggerValue;
  wadah.classList.toggle("sakip-tabel-pilih", !!data.pilih);
  if (wadah.sakipHtml === data.html) return;
  wadah.innerHTML = data.html;
  wadah.sakipHtml = data.html;
  [...wadah.querySelectorAll("tbody tr")].forEach((b, i) => (b.dataset.i = i));
  // the first column stays by the page's style; each further pinned one stays beside those before it
  const baris = [...wadah.querySelectorAll("tr")];
  let kiri = 0;
  for (let k = 0; k < data.tetap; k++) {
    for (const b of baris) {
      const sel = b.children[k];
      if (!sel) continue;
      sel.style.position = "sticky";
      sel.style.left = `${kiri}px`;
      sel.style.zIndex = sel.tagName === "TH" ? "2" : "1";
    }
    kiri += baris[0]?.children[k]?.getBoundingClientRect().width || 0;
  }
}
