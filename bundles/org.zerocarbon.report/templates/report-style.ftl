<#-- The style sheet of the footprint report and the scenario comparison (included inside <style>; sees pdf,
     subjectName, methodologyId and methodologyVersion). -->
<#if pdf>
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-left { content: "${subjectName?js_string} · ${methodologyId?js_string} ${methodologyVersion?js_string}"; font-family: Helvetica, 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #666666; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: Helvetica, 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #666666; } }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
</#if>
body { font-family: Helvetica, Arial, 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #1c1c1c; line-height: 1.4; margin: 0; }
<#if !pdf>body { max-width: 980px; margin: 24px auto; padding: 0 24px; }</#if>
h1 { font-size: 20pt; color: #1f4e79; margin: 0 0 4px 0; }
h2 { font-size: 13pt; color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 3px; margin: 22px 0 8px 0; page-break-after: avoid; }
h3 { font-size: 10.5pt; color: #333333; margin: 14px 0 6px 0; page-break-after: avoid; }
p.lead { color: #555555; margin: 0 0 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px 0; }
th, td { padding: 3px 6px; border-bottom: 1px solid #dde3ea; text-align: left; vertical-align: top; }
th { background: #eef2f7; color: #1f3b57; font-weight: bold; font-size: 8.5pt; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.stage td { background: #f6f8fb; font-weight: bold; color: #1f3b57; }
tr.total td { border-top: 2px solid #1f4e79; font-weight: bold; }
tr.separate td { color: #555555; font-style: italic; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.kpis { width: 100%; margin: 6px 0 12px 0; }
.kpis td { border: none; padding: 0 8px 0 0; width: 25%; }
.kpi { border: 1px solid #c9d5e3; border-left: 4px solid #1f4e79; padding: 8px 10px; background: #f8fafc; }
.kpi .label { font-size: 7.5pt; text-transform: uppercase; color: #5a6b7d; letter-spacing: 0.04em; }
.kpi .value { font-size: 14pt; font-weight: bold; color: #1f4e79; }
.kpi .sub { font-size: 8pt; color: #5a6b7d; }
.meta td { border: none; padding: 1px 8px 1px 0; }
.meta td.k { color: #5a6b7d; width: 28%; }
.pass { color: #1e7b3c; font-weight: bold; }
.fail { color: #b3261e; font-weight: bold; }
.not-applicable { color: #6b6b6b; font-weight: bold; }
.badge { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 8pt; font-weight: bold; color: #ffffff; }
.badge.pass { background: #1e7b3c; color: #ffffff; }
.badge.fail { background: #b3261e; color: #ffffff; }
.badge.not-applicable { background: #8c8c8c; color: #ffffff; }
.evidence { font-size: 8pt; color: #444444; margin: 2px 0 0 0; }
.muted { color: #6b6b6b; }
.warn { color: #b3261e; }
.small { font-size: 8pt; }
.chart td { border: none; padding: 1px 6px 1px 0; vertical-align: middle; }
.legend td { border: none; padding: 1px 6px 1px 0; vertical-align: middle; font-size: 8.5pt; }
.cols { width: 100%; }
.cols > tbody > tr > td { border: none; padding: 0 10px 0 0; vertical-align: top; }
.note { border-left: 3px solid #d4a72c; background: #fdf8ec; padding: 4px 8px; margin: 4px 0; }
svg { display: inline-block; vertical-align: middle; }
/* on screen a wide line scrolls sideways at full size; printed, it is scaled to the page (the SVG has a viewBox)
   so that nothing is cut off */
@media print { .diagram svg { max-width: 100%; height: auto; } }
.keep { page-break-inside: avoid; }
.pagebreak { page-break-before: always; }
<#if pdf>
.titlepage { page-break-after: always; height: 240mm; position: relative; }
.titlepage .band { background: #1f4e79; color: #ffffff; padding: 26mm 12mm 14mm 12mm; margin: 0 0 14mm 0; }
.titlepage .band h1 { color: #ffffff; font-size: 26pt; margin: 0 0 6mm 0; }
.titlepage .band .kind { font-size: 11pt; color: #dbe6f2; text-transform: uppercase; letter-spacing: 0.08em; }
.titlepage table.tp td { border: none; padding: 3mm 4mm 3mm 0; font-size: 11pt; }
.titlepage table.tp td.k { color: #5a6b7d; width: 40%; }
.titlepage .foot { position: absolute; bottom: 0; left: 0; right: 0; font-size: 8pt; color: #6b6b6b; border-top: 1px solid #c9d5e3; padding-top: 3mm; }
</#if>
