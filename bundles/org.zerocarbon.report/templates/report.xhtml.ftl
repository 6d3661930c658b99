<#-- The footprint report. One template for the browser (pdf=false) and for openhtmltopdf (pdf=true: title
     page, page rules). The model holds strings only (formatted in Java, Locale.ROOT); SVG charts are inserted
     unescaped. Output must stay well-formed XHTML: the PDF renderer parses it as XML. -->
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="UTF-8"/>
<title>${title}</title>
<meta name="generator" content="ZeroCarbon Workbench"/>
<style>
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
</style>
</head>
<body>
<#if pdf>
<div class="titlepage">
  <div class="band">
    <div class="kind">Carbon footprint report</div>
    <h1>${title}</h1>
    <div>${subjectName}<#if subjectKind?has_content> (${subjectKind})</#if></div>
  </div>
  <table class="tp">
    <tr><td class="k">Model</td><td>${subjectName}</td></tr>
    <#if subjectFile?has_content><tr><td class="k">Model file</td><td>${subjectFile}</td></tr></#if>
    <tr><td class="k">Methodology</td><td>${methodologyId}<#if methodologyTitle?has_content> — ${methodologyTitle}</#if></td></tr>
    <tr><td class="k">Methodology version</td><td>${methodologyVersion}</td></tr>
    <tr><td class="k">Total, modules A1–C4</td><td><b>${total} kg CO2e</b> (${totalTonnes} t CO2e), scope 2 location-based</td></tr>
    <tr><td class="k">Total, modules A1–C4, market-based</td><td><b>${totalMarket} kg CO2e</b> (${totalMarketTonnes} t CO2e), scope 2 market-based</td></tr>
    <#list functionalUnits as fu><tr><td class="k">Per ${fu.name}</td><td>${fu.perUnit} kg CO2e</td></tr></#list>
    <tr><td class="k">Criteria</td><td>${criteriaPass} pass · ${criteriaFail} fail · ${criteriaNa} not applicable</td></tr>
    <#if date?has_content><tr><td class="k">Date</td><td>${date}</td></tr></#if>
  </table>
  <div class="foot">Generated by ZeroCarbon Workbench from the model and the methodology named above. Machine-readable data: schema ${schema}. Module D is reported separately and never netted against the total.</div>
</div>
</#if>

<#if !pdf>
<h1>${title}</h1>
<p class="lead">${subjectName}<#if subjectKind?has_content> (${subjectKind})</#if> · methodology ${methodologyId} ${methodologyVersion}<#if date?has_content> · ${date}</#if></p>
</#if>

<h2 id="summary">1. Summary</h2>
<table class="meta">
  <tr><td class="k">Subject</td><td>${subjectName}<#if subjectKind?has_content> (${subjectKind})</#if><#if subjectFile?has_content> <span class="muted">— ${subjectFile}</span></#if></td></tr>
  <tr><td class="k">Methodology</td><td>${methodologyId} version ${methodologyVersion}<#if methodologyTitle?has_content> — ${methodologyTitle}</#if><#if methodologyFile?has_content> <span class="muted">— ${methodologyFile}</span></#if></td></tr>
</table>
<table class="kpis"><tr>
  <td><div class="kpi"><div class="label">Total A1–C4, location-based</div><div class="value">${totalTonnes} t</div><div class="sub">${total} kg CO2e</div></div></td>
  <td><div class="kpi"><div class="label">Total A1–C4, market-based</div><div class="value">${totalMarketTonnes} t</div><div class="sub">${totalMarket} kg CO2e</div></div></td>
  <#list functionalUnits as fu><#if fu?index lt 1>
  <td><div class="kpi"><div class="label">Per ${fu.name}</div><div class="value">${fu.perUnit}</div><div class="sub">kg CO2e · ${fu.amount} ${fu.name}</div></div></td>
  </#if></#list>
  <#if hasModuleD>
  <td><div class="kpi"><div class="label">Module D (separate)</div><div class="value">${moduleD}</div><div class="sub">kg CO2e, not netted</div></div></td>
  </#if>
</tr></table>
<table>
  <thead><tr><th>Scope</th><th class="num">kg CO2e</th><th class="num">Share</th></tr></thead>
  <tbody>
  <#list scopeTotals as s><tr><td>${s.swatch?no_esc} ${s.label}</td><td class="num">${s.value}</td><td class="num">${s.share}</td></tr></#list>
  <#if hasScope2>
  <tr id="scope2-location"><td class="muted">Scope 2, location-based (grid average; direct line and on-site at their own rate)</td><td class="num">${scope2Location}</td><td class="num"></td></tr>
  <tr id="scope2-market"><td class="muted">Scope 2, market-based (contractual instruments, then the residual mix)</td><td class="num">${scope2Market}</td><td class="num"></td></tr>
  </#if>
  </tbody>
</table>
<#if functionalUnits?has_content>
<h3>Per functional unit</h3>
<table>
  <thead><tr><th>Functional unit</th><th class="num">Units delivered</th><th class="num">kg CO2e per unit</th><th>Of</th><th>Basis</th></tr></thead>
  <tbody><#list functionalUnits as fu><tr><td>${fu.name}</td><td class="num">${fu.amount}</td><td class="num">${fu.perUnit}</td><td>${fu.element}</td><td class="small">${fu.basis}</td></tr></#list></tbody>
</table>
</#if>
<#if indicators?has_content>
<h3>Indicators</h3>
<table>
  <thead><tr><th>Indicator</th><th class="num">Value</th><th>Unit</th><th>Definition</th></tr></thead>
  <tbody><#list indicators as i><tr><td>${i.name}</td><td class="num">${i.value}</td><td>${i.unit}</td><td class="small">${i.definition}</td></tr></#list></tbody>
</table>
</#if>
<#if findings?has_content>
<h3 id="findings">Findings of the calculation</h3>
<table id="findings-table">
  <thead><tr><th>Severity</th><th>Code</th><th>Element</th><th>Finding</th></tr></thead>
  <tbody><#list findings as f><tr><td class="${f.cls}">${f.severity}</td><td class="small">${f.code}</td><td>${f.element}</td><td>${f.message}</td></tr></#list></tbody>
</table>
</#if>
<#if hasDiagram>
<h3 id="diagram">Diagram</h3>
<div class="diagram" style="overflow-x: auto">${diagram?no_esc}</div>
</#if>

<h2 id="table">2. Footprint by life-cycle stage and scope</h2>
<p class="small muted">kg CO2e. Modules after EN 15804+A2; scopes after the GHG Protocol. Module D is shown below the total and is not part of it.</p>
<table id="module-scope-table">
  <thead><tr><th>Module</th><th class="num">Scope 1</th><th class="num">Scope 2</th><th class="num">Scope 3</th><th class="num">Total</th></tr></thead>
  <tbody>
  <#list stages as st>
  <tr class="stage"><td>${st.label}</td><td class="num">${st.s1}</td><td class="num">${st.s2}</td><td class="num">${st.s3}</td><td class="num">${st.total}</td></tr>
  <#list st.rows as row>
  <tr data-module="${row.module}"><td>${row.module} ${row.title}</td><td class="num">${row.s1}</td><td class="num">${row.s2}</td><td class="num">${row.s3}</td><td class="num">${row.total}</td></tr>
  </#list>
  </#list>
  <tr class="total"><td>Total A1–C4</td><td class="num">${totalRow.s1}</td><td class="num">${totalRow.s2}</td><td class="num">${totalRow.s3}</td><td class="num">${totalRow.total}</td></tr>
  <#if dRow??>
  <tr class="separate" data-module="D"><td>D Benefits and loads beyond the system boundary (reported separately)</td><td class="num">${dRow.s1}</td><td class="num">${dRow.s2}</td><td class="num">${dRow.s3}</td><td class="num">${dRow.total}</td></tr>
  </#if>
  </tbody>
</table>

<h3 id="gwp">GWP split by module (EN 15804+A2)</h3>
<p class="small muted">kg CO2e, scope 2 location-based. Biogenic emissions and removals are kept apart (ISO 14067); GWP-total is their sum with GWP-fossil and GWP-luluc. The last column is the module's total with scope 2 market-based.</p>
<table id="gwp-split">
  <thead><tr><th>Module</th><th class="num">GWP-fossil</th><th class="num">GWP-biogenic emissions</th><th class="num">GWP-biogenic removals</th><th class="num">GWP-luluc</th><th class="num">GWP-total</th><th class="num">GWP-total, market-based</th></tr></thead>
  <tbody>
  <#list gwpRows as g><tr><td>${g.label}</td><td class="num">${g.fossil}</td><td class="num">${g.bioEmissions}</td><td class="num">${g.bioRemovals}</td><td class="num">${g.luluc}</td><td class="num">${g.total}</td><td class="num">${g.market}</td></tr></#list>
  <tr class="total"><td>${gwpTotal.label}</td><td class="num">${gwpTotal.fossil}</td><td class="num">${gwpTotal.bioEmissions}</td><td class="num">${gwpTotal.bioRemovals}</td><td class="num">${gwpTotal.luluc}</td><td class="num">${gwpTotal.total}</td><td class="num">${gwpTotal.market}</td></tr>
  <#if gwpD??><tr class="separate"><td>${gwpD.label} (reported separately)</td><td class="num">${gwpD.fossil}</td><td class="num">${gwpD.bioEmissions}</td><td class="num">${gwpD.bioRemovals}</td><td class="num">${gwpD.luluc}</td><td class="num">${gwpD.total}</td><td class="num">${gwpD.market}</td></tr></#if>
  </tbody>
</table>
<#if gwpDefaulted?has_content><div class="note" id="gwp-defaulted">${gwpDefaulted}</div></#if>

<#if instrumentsLocation?has_content || instrumentsMarket?has_content>
<h3 id="instruments">Electricity supply: scope 2 location-based and market-based</h3>
<p class="small muted">Location-based: grid-delivered electricity at the grid average, direct-line and on-site electricity at their own rate. Market-based: the contractual instruments in the GHG Protocol Scope 2 hierarchy, in the order applied (direct line and on-site generation, PPAs, certificates, supplier-specific), then the residual mix for the rest.</p>
<table id="instruments-table">
  <thead><tr><th>Method</th><th>Kind</th><th>Instrument or supply</th><th class="num">kWh</th><th class="num">kg CO2e/kWh</th><th class="num">kg CO2e</th><th>How applied</th></tr></thead>
  <tbody>
  <#list instrumentsLocation as i><tr><td>location-based</td><td>${i.kind}</td><td>${i.element}</td><td class="num">${i.kWh}</td><td class="num">${i.rate}</td><td class="num">${i.kg}</td><td class="small">${i.note}</td></tr></#list>
  <#if instrumentsLocation?has_content><tr class="total"><td>location-based</td><td></td><td>Total</td><td class="num">${instrumentSums.locationKWh}</td><td></td><td class="num">${instrumentSums.locationKg}</td><td></td></tr></#if>
  <#list instrumentsMarket as i><tr><td>market-based</td><td>${i.kind}</td><td>${i.element}</td><td class="num">${i.kWh}</td><td class="num">${i.rate}</td><td class="num">${i.kg}</td><td class="small">${i.note}</td></tr></#list>
  <#if instrumentsMarket?has_content><tr class="total"><td>market-based</td><td></td><td>Total</td><td class="num">${instrumentSums.marketKWh}</td><td></td><td class="num">${instrumentSums.marketKg}</td><td></td></tr></#if>
  </tbody>
</table>
</#if>

<#if measurements?has_content>
<h3 id="measurements">Measured energy</h3>
<p class="small muted">Time-series energy logs of the meters that read a data source: energy over the covered time, the share of the period with data, the longest gap and the sampling interval achieved, energy per day, per energy state and per program (operation).</p>
<#list measurements as x>
<h4>${x.meter} <span class="small muted">(${x.scope} meter of ${x.element})</span></h4>
<table class="measurement">
  <tbody>
  <tr><td>Source</td><td>${x.source}<#if x.stale> <strong class="error">stale: the source failed, last good data shown</strong></#if></td></tr>
  <tr><td>Period</td><td>${x.from} to ${x.to}</td></tr>
  <tr><td>Records</td><td class="num">${x.samples}</td></tr>
  <tr><td>Energy</td><td class="num">${x.kWh} kWh</td></tr>
  <tr><td>Coverage</td><td class="num">${x.coverage}</td></tr>
  <tr><td>Longest gap</td><td class="num">${x.gap}<#if x.gapStart?has_content> from ${x.gapStart}</#if></td></tr>
  <tr><td>Sampling interval achieved</td><td class="num">${x.interval}</td></tr>
  <tr><td>Parts, energy per part</td><td class="num">${x.parts}, ${x.perPart} kWh</td></tr>
  <tr><td>Use stage (B6)</td><td>${x.annual}</td></tr>
  </tbody>
</table>
<#if x.dayChart?has_content><p class="small">Energy per day</p><div class="chart">${x.dayChart?no_esc}</div></#if>
<#if x.states?has_content>
<p class="small">Energy states (time shares)</p><div class="chart">${x.stateBar?no_esc}</div>
<table class="states">
  <thead><tr><th>State</th><th class="num">h</th><th class="num">share</th><th class="num">kWh</th><th class="num">mean kW</th></tr></thead>
  <tbody><#list x.states as s><tr><td>${s.swatch?no_esc} ${s.name}</td><td class="num">${s.hours}</td><td class="num">${s.share}</td><td class="num">${s.kWh}</td><td class="num">${s.meanKW}</td></tr></#list></tbody>
</table>
</#if>
<#if x.programs?has_content>
<table class="programs">
  <thead><tr><th>Program (operation)</th><th class="num">h</th><th class="num">kWh</th><th class="num">parts</th><th class="num">kWh per part</th></tr></thead>
  <tbody><#list x.programs as p><tr><td>${p.name}</td><td class="num">${p.hours}</td><td class="num">${p.kWh}</td><td class="num">${p.parts}</td><td class="num">${p.perPart}</td></tr></#list></tbody>
</table>
</#if>
<#if x.problems?has_content><p class="small">Problems in the data:</p><ul class="small"><#list x.problems as p><li>${p}</li></#list></ul></#if>
</#list>
</#if>

<h2 id="charts">3. Where the emissions come from</h2>
<#if !moduleBars?has_content>
<p class="muted">No contributions: the model has nothing in the system boundary, or nothing was calculated.</p>
<#else>
<h3>By module</h3>
<table class="chart">
  <#list moduleBars as b>
  <tr><td style="width: 34%">${b.module} <span class="muted small">${b.title}</span></td><td style="width: 46%">${b.svg?no_esc}</td><td class="num">${b.value}</td></tr>
  </#list>
</table>
<table class="legend"><tr><#list scopeTotals as s><td>${s.swatch?no_esc} ${s.label}</td></#list><#if hasModuleD><td>${negativeSwatch?no_esc} Module D (negative: benefits)</td></#if></tr></table>

<#if treemap?has_content>
<h3>By element</h3>
<table class="cols"><tr>
  <td style="width: 58%">${treemap?no_esc}</td>
  <td>
    <table class="legend">
      <#list treemapLegend as l><tr><td>${l.swatch?no_esc}</td><td>${l.name}</td><td class="num">${l.value}</td><td class="num muted">${l.share}</td></tr></#list>
    </table>
  </td>
</tr></table>
</#if>

</#if>
<#if equipment?has_content>
<h3>By equipment</h3>
<p class="small muted">kg CO2e, modules A–C, upstream included: each machine with its share of the shared utilities it draws on
(allocated through the product system by its demand). A utility's footprint is counted once, in the machines it supplies;
what it delivers to no machine stays with the utility.</p>
<table id="equipment">
  <thead><tr><th>Equipment</th><th class="num">Own</th><th class="num">Shared utilities</th><th class="num">Total</th><th class="num">Share</th><th class="num">Total, market-based</th><th class="num">Module D</th></tr></thead>
  <tbody>
  <#list equipment as e>
  <tr data-element="${e.element}"><td>${e.name} <span class="muted small">${e.kind}</span><#list e.utilities as u><br/><span class="muted small">${u.amount} ${u.unit} of ${u.utility} (${u.share}): ${u.kg}</span></#list></td><td class="num">${e.own}</td><td class="num">${e.fromUtilities}</td><td class="num">${e.total}</td><td class="num">${e.share}</td><td class="num">${e.market}</td><td class="num">${e.moduleD}</td></tr>
  </#list>
  </tbody>
</table>
</#if>
<#if allocations?has_content>
<h3>Allocation of multi-function machines</h3>
<table id="allocation">
  <thead><tr><th>Machine and function</th><th>Rule</th><th class="num">Basis amount</th><th class="num">Factor</th><th class="num">kg CO2e</th><th class="num">market-based</th><th class="num">Module D</th></tr></thead>
  <tbody>
  <#list allocations as a>
  <tr class="stage"><td>${a.machine}</td><td>${a.rule}</td><td class="num"></td><td class="num">${a.factorSum}</td><td class="num">${a.total}</td><td class="num">${a.market}</td><td class="num">${a.moduleD}</td></tr>
  <#list a.functions as f>
  <tr data-function="${f.name}"><td>${f.name}<#if f.operations?has_content> <span class="muted small">operations ${f.operations}</span></#if></td><td></td><td class="num">${f.amount}</td><td class="num">${f.factor}</td><td class="num">${f.kg}</td><td class="num">${f.market}</td><td class="num">${f.moduleD}</td></tr>
  </#list>
  </#list>
  </tbody>
</table>
</#if>
<#if utilities?has_content>
<h3>Shared utilities</h3>
<table id="utilities">
  <thead><tr><th>Utility</th><th class="num">Delivered</th><th class="num">Leaks</th><th class="num">Generated</th><th class="num">kg CO2e</th><th class="num">per unit delivered</th><th class="num">Lost to leaks</th></tr></thead>
  <tbody>
  <#list utilities as u>
  <tr data-element="${u.element}"><td>${u.name} <span class="muted small">${u.kind}</span></td><td class="num">${u.delivered}</td><td class="num">${u.leakage}</td><td class="num">${u.generated}</td><td class="num">${u.total}</td><td class="num">${u.perUnit}</td><td class="num">${u.leak}</td></tr>
  </#list>
  </tbody>
</table>
</#if>
<#if top?has_content>
<h3>Top ${top?size} contributions</h3>
<table class="chart" id="top-contributions">
  <thead><tr><th>#</th><th>Element and input</th><th>Module</th><th></th><th class="num">kg CO2e</th><th class="num">Share</th></tr></thead>
  <tbody>
  <#list top as t>
  <tr><td>${t.rank}</td><td>${t.element}<br/><span class="muted small">${t.description}</span></td><td>${t.module} <span class="muted small">${t.scope}</span></td><td>${t.svg?no_esc}</td><td class="num">${t.value}</td><td class="num">${t.share}</td></tr>
  </#list>
  </tbody>
</table>
</#if>

<h2 id="data-quality">4. Data quality</h2>
<#if dataQuality??>
<table class="meta">
  <tr><td class="k">Primary data share, A1–A3</td><td>${dataQuality.primaryShare} ${dataQuality.primaryBar?no_esc}</td></tr>
  <tr><td class="k">Data-quality rating (1 best … 5 worst)</td><td>${dataQuality.rating}</td></tr>
  <tr><td class="k">Contributions on secondary data</td><td>${dataQuality.secondaryCount} of ${dataQuality.contributionCount}</td></tr>
</table>
<#if dataQuality.checks?has_content>
<table class="keep">
  <thead><tr><th>Threshold</th><th>Requirement</th><th class="num">Actual</th><th>Outcome</th><th>Finding</th></tr></thead>
  <tbody><#list dataQuality.checks as c><tr><td>${c.metric}</td><td>${c.requirement}</td><td class="num">${c.actual}</td><td class="${c.cls}">${c.met}</td><td class="small">${c.message}</td></tr></#list></tbody>
</table>
</#if>
<#else>
<p class="muted">No data-quality assessment in this result.</p>
</#if>

<h2 id="criteria">5. Criteria compliance</h2>
<#if criteria?has_content>
<p>${criteriaPass} pass · ${criteriaFail} fail · ${criteriaNa} not applicable</p>
<table id="criteria-matrix">
  <thead><tr><th>Criterion</th><th>Clause</th><th>Severity</th><th>Status</th><th>Finding and evidence</th></tr></thead>
  <tbody>
  <#list criteria as c>
  <tr><td><b>${c.title}</b><br/><span class="muted small">${c.id}</span></td><td class="small">${c.clause}</td><td class="small">${c.severity}</td><td><span class="badge ${c.cls}">${c.status}</span></td>
    <td>${c.message}<#if c.evidence?has_content><div class="evidence"><#list c.evidence as e><span class="${e.cls}">${e.satisfied}</span> ${e.element}<#if e.detail?has_content>: ${e.detail}</#if><#sep><br/></#sep></#list></div></#if></td></tr>
  </#list>
  </tbody>
</table>
<#else>
<p class="muted">The methodology defines no criteria, or none were checked.</p>
</#if>

<h2 id="uncertainty">6. Uncertainty</h2>
<#if uncertainty??>
<p class="small muted">Monte Carlo, ${uncertainty.iterations} iterations, seed ${uncertainty.seed} (the same seed gives the same figures). Total A1–C4 in kg CO2e.</p>
<table>
  <thead><tr><th class="num">Mean</th><th class="num">Std. dev.</th><th class="num">CV</th><th class="num">P5</th><th class="num">P50</th><th class="num">P95</th></tr></thead>
  <tbody><tr><td class="num">${uncertainty.mean}</td><td class="num">${uncertainty.sd}</td><td class="num">${uncertainty.cv}</td><td class="num">${uncertainty.p5}</td><td class="num">${uncertainty.p50}</td><td class="num">${uncertainty.p95}</td></tr></tbody>
</table>
<div>${uncertainty.svg?no_esc}</div>
<p class="small muted">Band: P5 to P95; dark tick: median; red tick: mean.</p>
<#if uncertainty.drivers?has_content>
<h3>What drives the uncertainty</h3>
<table class="chart">
  <thead><tr><th>Input</th><th class="num">Rank correlation</th><th>Share of variance</th><th class="num"></th></tr></thead>
  <tbody><#list uncertainty.drivers as d><tr><td>${d.name}</td><td class="num">${d.rho}</td><td>${d.svg?no_esc}</td><td class="num">${d.share}</td></tr></#list></tbody>
</table>
</#if>
<#else>
<p class="muted">No uncertainty analysis was run for this result.</p>
</#if>

<#if hasDelta>
<h2 id="delta">7. Change against ${delta.oldLabel}</h2>
<p>Total A1–C4: ${delta.oldTotal} → ${delta.newTotal} kg CO2e (<b>${delta.diff}</b>): ${delta.byFactor} kg from changed factors, ${delta.byActivity} kg from changed activity amounts, ${delta.byAdded} kg added, ${delta.byRemoved} kg removed.</p>
<p>Total A1–C4 with scope 2 market-based: ${delta.oldTotalMarket} → ${delta.newTotalMarket} kg CO2e (<b>${delta.diffMarket}</b>): ${delta.byInstruments} kg from the market-based electricity supply, ${delta.byOtherMarket} kg from everything else.</p>
<#if delta.instruments?has_content>
<table id="delta-instruments">
  <thead><tr><th>Kind</th><th>Instrument</th><th class="num">Δ kg CO2e</th><th>Why</th></tr></thead>
  <tbody><#list delta.instruments as i><tr><td>${i.kind}</td><td>${i.element}</td><td class="num">${i.diff}</td><td class="small">${i.explanation}</td></tr></#list></tbody>
</table>
</#if>
<#if delta.cells?has_content>
<table>
  <thead><tr><th>Module</th><th>Scope</th><th class="num">${delta.oldLabel}</th><th class="num">${delta.newLabel}</th><th class="num">Δ</th></tr></thead>
  <tbody><#list delta.cells as c><tr><td>${c.module} ${c.title}</td><td>${c.scope}</td><td class="num">${c.old}</td><td class="num">${c.new}</td><td class="num">${c.diff}</td></tr></#list></tbody>
</table>
</#if>
<#if delta.changes?has_content>
<table>
  <thead><tr><th>Element</th><th>Module</th><th>Input</th><th>Change</th><th class="num">Δ kg CO2e</th><th>Why</th></tr></thead>
  <tbody><#list delta.changes as c><tr><td>${c.element}</td><td>${c.module} <span class="muted small">${c.scope}</span></td><td>${c.description}</td><td>${c.change}</td><td class="num">${c.diff}</td><td class="small">${c.explanation}</td></tr></#list></tbody>
</table>
<#if delta.more?has_content><p class="muted">… and ${delta.more} more changes (see the JSON report).</p></#if>
</#if>
</#if>

<h2 id="assumptions">${hasDelta?then("8", "7")}. Assumptions and notes</h2>
<#if notes?has_content>
<#list notes as n><div class="note">${n}</div></#list>
<#else>
<p class="muted">No notes.</p>
</#if>

<h2 id="factors">${hasDelta?then("9", "8")}. Emission factors and their provenance</h2>
<table id="factor-provenance">
  <thead><tr><th>Factor</th><th class="num">Value</th><th>Unit</th><th>Region</th><th>Year</th><th>Source</th><th>Licence</th></tr></thead>
  <tbody><#list factors as f><tr><td>${f.name}</td><td class="num">${f.value}</td><td>${f.unit}</td><td>${f.region}</td><td>${f.year}</td><td<#if f.sourceMissing> class="warn"</#if>>${f.source}</td><td<#if f.licenceMissing> class="warn"</#if>>${f.licence}</td></tr></#list></tbody>
</table>

<h2 id="contributions" class="pagebreak">Annex: all contributions</h2>
<table class="small" id="all-contributions">
  <thead><tr><th>Module</th><th>Scope</th><th>Element</th><th>Input</th><th class="num">Activity</th><th>Factor</th><th class="num">kg CO2e</th><th>Data</th><th class="num">DQ</th></tr></thead>
  <tbody><#list contributions as c><tr><td>${c.module}</td><td>${c.scope}</td><td>${c.element}</td><td>${c.description}</td><td class="num">${c.activity}</td><td>${c.factor}</td><td class="num">${c.kg}</td><td>${c.primary}</td><td class="num">${c.dq}</td></tr></#list></tbody>
</table>
<p class="small muted">Generated by ZeroCarbon Workbench. The same data is in the JSON report (schema ${schema}) and the CSV files.</p>
</body>
</html>
