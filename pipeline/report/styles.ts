// The page's one stylesheet (allowed by its sha256 in the CSP; no style attributes anywhere).
// Severity is never told by colour alone: every badge has a symbol and a word, every bar a
// number; highlighted evidence is outlined and underlined as well as tinted.
export const STYLES = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--accent:#0b5cad;--bar:#4a77b4;
--err:#b42318;--err-bg:#fdecea;--warn:#7a4100;--warn-bg:#fff1d6;--info:#1d5fa6;--info-bg:#e7f0fa;--ok:#116329;--ok-bg:#e3f5e8;--mark:#ffe58a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
code,.file,.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:1rem}
header.top{background:#24292f;color:#fff;padding:1rem 1.5rem}
header.top h1{margin:0;font-size:1.35rem;font-weight:600}
header.top p{margin:.2rem 0 0;color:#d0d7de}
header.top code{color:#fff}
main{max-width:1440px;margin:0 auto;padding:1rem 1.5rem 3rem}
h2{font-size:1.15rem;margin:2rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
h4{font-size:.9rem;margin:0 0 .25rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:.75rem;margin:1rem 0 0}
.card{border:1px solid var(--line);border-radius:8px;padding:.7rem .9rem;background:var(--panel);border-top-width:4px}
.card dt{color:var(--muted);font-size:.85rem}
.card dd{margin:0}
.card .big{display:block;font-size:1.6rem;font-weight:650;line-height:1.3}
.card .sub{color:var(--muted);font-size:.85rem}
.card.is-error{border-top-color:var(--err)}.card.is-error .big{color:var(--err)}
.card.is-warning{border-top-color:#b26a00}.card.is-warning .big{color:var(--warn)}
.card.is-ok{border-top-color:var(--ok)}.card.is-ok .big{color:var(--ok)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,520px),1fr));gap:1rem;align-items:start}
.chart svg{display:block;max-width:100%;height:auto}
.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.chart figcaption{font-weight:600;margin-bottom:.3rem}
.c-label,.c-value{font-size:13px;fill:var(--fg)}
.c-value{fill:var(--muted)}
.c-bar{fill:var(--bar)}
.c-hit{fill:transparent}
.c-link:hover .c-hit,.c-link:focus .c-hit{fill:#eaf1fb}
.c-link:hover .c-label,.c-link:focus .c-label{text-decoration:underline}
.c-link:focus{outline:none}.c-link:focus .c-hit{stroke:#1f6feb;stroke-width:2}
.two{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:2rem}
.two h3{margin-top:.25rem}
h4.sub{margin-top:.75rem}
@media (max-width:900px){.two{grid-template-columns:1fr}}
table.grid{border-collapse:collapse;width:100%}
.grid th,.grid td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
.grid thead th{background:var(--panel);font-weight:600;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
.grid th.num{text-align:right}
.scroll{overflow-x:auto}
.btn{font:inherit;border:1px solid #8c959f;background:#fff;color:var(--fg);border-radius:6px;padding:.3rem .7rem;cursor:pointer}
.btn:hover{background:var(--panel)}.btn:disabled{color:#6e7781;border-color:var(--line);cursor:default;background:#fff}
.btn-small{padding:.05rem .5rem;font-size:.85rem}
.sev{display:inline-block;border-radius:999px;padding:0 .5rem;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid transparent}
.sev-error{color:var(--err);background:var(--err-bg);border-color:#f3b8b2}
.sev-warning{color:var(--warn);background:var(--warn-bg);border-color:#f0c77a}
.sev-info{color:var(--info);background:var(--info-bg);border-color:#b6d0ee}
.sev-ok{color:var(--ok);background:var(--ok-bg);border-color:#a8dcb5}
.ok-note{color:var(--ok)}.bad-note{color:var(--err);font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;padding:.75rem;background:var(--panel);border:1px solid var(--line);border-radius:8px}
.flt{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);font-weight:600}
.flt select,.flt input{font:inherit;font-size:14px;font-weight:400;color:var(--fg);margin-top:.15rem;padding:.25rem .4rem;border:1px solid #8c959f;border-radius:6px;background:#fff;max-width:16rem}
.flt-q{flex:1 1 16rem}.flt-q input{max-width:none;width:100%}
#status{margin:.6rem 0 .3rem;font-weight:600}
.files-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
#files-table{table-layout:fixed;min-width:960px}
#files-table thead th{position:sticky;top:0;z-index:1;padding:0}
#files-table th button{all:unset;box-sizing:border-box;display:block;width:100%;padding:.4rem .5rem;cursor:pointer;font-weight:600}
#files-table th button:focus-visible{outline:3px solid #1f6feb;outline-offset:-3px}
#files-table th button::after{content:" ↕";color:#8c959f}
#files-table th[aria-sort=ascending] button::after{content:" ▲";color:var(--fg)}
#files-table th[aria-sort=descending] button::after{content:" ▼";color:var(--fg)}
#files-table tbody tr:nth-child(even){background:#fafbfc}
#files-table tbody tr:hover{background:#f0f6ff}
.c-file{width:13rem}.c-type{width:6.5rem}.c-date{width:7rem}.c-author{width:9rem}.c-region{width:9.5rem}.c-score{width:4.5rem}.c-problems{width:15rem}
.title-cell,.file-cell{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.score.low{color:var(--err);font-weight:700}
.problems .sev{margin:0 .15rem .15rem 0}
.rules{display:block;color:var(--muted);font-size:.8rem;font-family:ui-monospace,Menlo,Consolas,monospace;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
td.empty{text-align:center;padding:2rem;color:var(--muted)}
.pager{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.6rem 0}
.pager label{margin-left:auto;color:var(--muted)}
.pager select{font:inherit;padding:.2rem;border:1px solid #8c959f;border-radius:6px}
dialog#detail{width:min(1100px,96vw);max-height:92vh;padding:0;border:1px solid var(--line);border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.25)}
dialog#detail::backdrop{background:rgba(15,20,25,.45)}
.dlg-head{position:sticky;top:0;z-index:2;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;background:#24292f;color:#fff;padding:.6rem 1rem}
.dlg-head h2{margin:0;padding:0;border:0;font-size:1rem;font-family:ui-monospace,Menlo,Consolas,monospace;flex:1 1 auto;overflow-wrap:anywhere}
.dlg-head .btn{background:#fff}
#d-pos{color:#d0d7de;font-size:.85rem}
#detail-body{padding:.5rem 1.25rem 1.5rem}
.detail-sum{font-size:1rem}
.score-pill{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .6rem;font-weight:700;background:var(--panel)}
.score-pill.low{color:var(--err);border-color:#f3b8b2}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:.25rem 1rem;margin:.5rem 0}
.facts div{display:flex;gap:.5rem;min-width:0}.facts dt{color:var(--muted);white-space:nowrap}.facts dd{margin:0;overflow-wrap:anywhere}
.facts.inline{display:flex;flex-wrap:wrap;gap:.1rem 1.25rem;margin:.25rem 0}
.fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:.75rem}
.field{border:1px solid var(--line);border-radius:8px;padding:.6rem .75rem;min-width:0}
.field.missing{background:var(--panel)}
.val{margin:0;font-size:1.05rem;font-weight:600;overflow-wrap:anywhere}
.note{margin:.15rem 0;color:var(--muted);font-size:.85rem}
.items{list-style:none;margin:.3rem 0 0;padding:0}
.items li{margin:.4rem 0;padding-top:.4rem;border-top:1px dashed var(--line)}
.items li.rejected .item-label{text-decoration:line-through}
.tag{font-size:.75rem;border:1px solid #8c959f;border-radius:4px;padding:0 .3rem;color:var(--muted)}
summary{cursor:pointer;color:var(--accent);margin-top:.3rem}
.ctx{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 .6rem;margin:.35rem 0;padding:.4rem .6rem;background:var(--panel);border:1px solid var(--line);border-radius:6px;font-size:13.5px;line-height:1.7}
.ctx .ln{color:var(--muted);text-align:right;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;user-select:none}
.ctx .tx{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate}
.ctx .gap{color:var(--muted)}
mark{background:var(--mark);color:inherit;outline:1px solid #9a7400;text-decoration:underline 2px #9a7400;text-underline-offset:3px;border-radius:2px}
.elided{color:var(--muted);padding:0 .15rem}
.cc{font:11px ui-monospace,Menlo,Consolas,monospace;border:1px solid var(--err);color:var(--err);border-radius:3px;padding:0 .15rem;margin:0 .1rem}
.diags{list-style:none;padding:0;margin:0}
.diag{border:1px solid var(--line);border-left-width:5px;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}
.diag-error{border-left-color:var(--err)}.diag-warning{border-left-color:#b26a00}.diag-info{border-left-color:var(--info)}
.diag-head{margin:0}.diag .msg{margin:.25rem 0}
.loc{color:var(--muted);font-size:.85rem}
.side td.said{background:var(--err-bg)}.side td.found{background:var(--ok-bg)}
.partners li,.dups li{margin:.2rem 0}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:1rem}
footer .wrap{max-width:1440px;margin:0 auto;padding:.75rem 1.5rem 2rem}
`;
