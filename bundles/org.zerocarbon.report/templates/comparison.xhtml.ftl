<#-- The scenario comparison (zcw report --scenarios). One template for the browser (pdf=false) and for openhtmltopdf
     (pdf=true: page rules). Strings only (formatted in Java, Locale.ROOT); SVG charts inserted unescaped. Output must
     stay well-formed XHTML: the PDF renderer parses it as XML. -->
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="UTF-8"/>
<title>${title}</title>
<meta name="generator" content="ZeroCarbon Workbench"/>
<style>
<#include "report-style.ftl">
td.diff { color: #5a6b7d; font-size: 8pt; }
td.scope { white-space: nowrap; }
<#if pdf>
#runs-table, #module-scope-scenario, #functional-units { font-size: 7.5pt; }
#runs-table td.run { width: 26%; }
#runs-table th, #runs-table td { padding: 2px 3px; }
</#if>
tr.baseline td { background: #f6f8fb; }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="lead">The baseline (the model as written) and ${scenarioCount} scenario<#if scenarioCount != "1">s</#if>, computed with methodology ${methodologyId}<#if methodologyVersion?has_content> ${methodologyVersion}</#if>.
Every scenario runs on a copy of the model; the model files are never changed. kg CO2e, modules A1–C4 (module D beside the total).
<#if monteCarlo>Monte Carlo: ${iterations} iterations, seed ${seed}, the same random numbers in every run (common random numbers), so that differences between runs are not sampling noise.</#if></p>

<h2 id="runs">1. The runs</h2>
<table id="runs-table">
  <thead><tr><th>Run</th><th class="num">GWP total</th><th class="num">Difference</th><th class="num"></th><#if monteCarlo><th class="num">P5 – P95</th><th class="num">P(lower than the baseline)</th></#if><th class="num">market-based</th></tr></thead>
  <tbody>
  <#list runs as r>
  <tr data-run="${r.name}"<#if r.baseline> class="baseline"</#if>><td class="run">${r.name}<#if r.description?has_content><br/><span class="muted small">${r.description}</span></#if><#if r.chain?has_content><br/><span class="muted small">${r.chain}</span></#if></td><td class="num">${r.total}</td><td class="num">${r.difference}</td><td class="num">${r.percent}</td><#if monteCarlo><td class="num">${r.interval?no_esc}</td><td class="num">${r.lower}</td></#if><td class="num">${r.market}</td></tr>
  </#list>
  </tbody>
</table>

<h3>Stacked by module</h3>
<table class="chart" id="scenario-bars">
  <#list runs as r>
  <tr><td style="width: 30%">${r.name}</td><td style="width: 52%">${r.bar?no_esc}</td><td class="num">${r.total}</td></tr>
  </#list>
</table>
<table class="legend"><tr><#list moduleLegend as l><td>${l.swatch?no_esc} ${l.module}</td></#list><td>${negativeSwatch?no_esc} negative</td></tr></table>

<h2 id="table">2. By module and scope</h2>
<p class="small muted">kg CO2e; under each scenario's figure its difference to the baseline.</p>
<table id="module-scope-scenario">
  <thead><tr><th>Module</th><th>Scope</th><#list runNames as n><th class="num">${n}</th></#list></tr></thead>
  <tbody>
  <#list cells as row>
  <tr<#if row.total??> class="total"<#elseif row.separate> class="separate"</#if>><td>${row.module} <span class="muted small">${row.title}</span></td><td class="scope">${row.scope}</td><#list row.values as v><td class="num">${v.value}<#if v.difference?has_content><br/><span class="small muted">${v.difference}</span></#if></td></#list></tr>
  </#list>
  </tbody>
</table>
<#if functionalUnits?has_content>
<h3>Per functional unit</h3>
<table id="functional-units">
  <thead><tr><th>kg CO2e per</th><#list runNames as n><th class="num">${n}</th></#list></tr></thead>
  <tbody>
  <#list functionalUnits as fu>
  <tr><td>${fu.name}</td><#list fu.values as v><td class="num">${v.value}<#if v.difference?has_content><br/><span class="small muted">${v.difference}</span></#if></td></#list></tr>
  </#list>
  </tbody>
</table>
</#if>

<h2 id="explanations">3. What explains each difference</h2>
<#list explanations as e>
<div class="keep">
<h3>${e.name}: ${e.total} kg CO2e</h3>
<p class="small">Location-based: changed factors ${e.factors}, changed activity amounts ${e.activities}, contributions added ${e.added}, removed ${e.removed}.
Market-based total: ${e.market}, of which the electricity instruments and residual mix ${e.instruments} (kg CO2e).</p>
<#if e.changes?has_content>
<table class="small">
  <thead><tr><th>Element</th><th>Module</th><th>Input</th><th class="num">Difference</th><th>Why</th></tr></thead>
  <tbody><#list e.changes as x><tr><td>${x.element}</td><td class="scope">${x.module} <span class="muted">${x.scope}</span></td><td>${x.description}</td><td class="num">${x.difference}</td><td>${x.explanation}</td></tr></#list></tbody>
</table>
<#if e.more?has_content><p class="small muted">and ${e.more} smaller changes (all of them in the JSON).</p></#if>
<#else>
<p class="small muted">No contribution changed: the scenario has the baseline's figures.</p>
</#if>
</div>
</#list>
<#if !explanations?has_content><p class="muted">No scenario compared.</p></#if>

<#if probabilities?has_content>
<h2 id="probabilities">4. Which is lower</h2>
<p class="small muted">The share of the Monte Carlo iterations (common random numbers) in which one run's GWP total is lower than the other's; in the remaining iterations they are equal (a scenario that does not change the figure ties in every iteration).</p>
<table id="probabilities-table">
  <thead><tr><th>A</th><th>B</th><th class="num">P(A lower than B)</th><th class="num">P(B lower than A)</th><th class="num">iterations</th></tr></thead>
  <tbody><#list probabilities as p><tr><td>${p.a}</td><td>${p.b}</td><td class="num">${p.p}</td><td class="num">${p.q}</td><td class="num">${p.iterations}</td></tr></#list></tbody>
</table>
</#if>

<#if tornado?has_content>
<h2 id="tornado">5. Sensitivity: which parameter moves the result most</h2>
<p class="small muted">One at a time: the baseline's GWP total with each parameter at the low and at the high end of its range
(declared with <code>range</code>, or P5–P95 of its uncertainty), the others at their values. Sorted by swing; the vertical line is the baseline.</p>
<table class="chart" id="tornado-table">
  <thead><tr><th>Parameter</th><th></th><th class="num">low</th><th class="num">high</th><th class="num">swing</th></tr></thead>
  <tbody>
  <#list tornado as t>
  <tr><td style="width: 30%">${t.parameter}<br/><span class="muted small">${t.range}<#if t.source?has_content>, ${t.source}</#if></span></td><td style="width: 46%">${t.svg?no_esc}</td><td class="num">${t.low}</td><td class="num">${t.high}</td><td class="num">${t.swing}</td></tr>
  </#list>
  </tbody>
</table>
<table class="legend"><tr><td>${tornadoLow?no_esc} parameter at the low end</td><td>${tornadoHigh?no_esc} at the high end</td></tr></table>
</#if>

<#if variance?has_content>
<h3 id="variance">Variance shares</h3>
<p class="small muted">${varianceLabel}.</p>
<table class="chart" id="variance-table">
  <thead><tr><th>Input</th><th></th><th class="num">share</th><th class="num">rank correlation</th></tr></thead>
  <tbody><#list variance as v><tr><td>${v.input}</td><td>${v.svg?no_esc}</td><td class="num">${v.share}</td><td class="num">${v.correlation}</td></tr></#list></tbody>
</table>
</#if>

<p class="small muted">Written by ZeroCarbon Workbench, JSON schema ${schema}.</p>
</body>
</html>
