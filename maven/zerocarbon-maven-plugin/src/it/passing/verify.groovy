// The passing line, by hand (grid 0.4 kg/kWh, steel 2.5 kg/kg):
//   A1: 1,500 kg x 2.5 = 3,750 kg
//   B6: mean power 0.2 x 3 kW + 0.8 x 12 kW = 10.2 kW; 5,000 h a year x 8 a = 40,000 h; 408,000 kWh x 0.4 = 163,200 kg
//   total 166,950 kg over 40,000 machine-hours = 4.17375 -> 4.174 kg per MH; no instrument: market-based = location-based
// Scenario LowerStandby (standby 1 kW): 0.2 x 1 + 0.8 x 12 = 9.8 kW; 392,000 kWh x 0.4 = 156,800; total 160,550,
//   -6,400 = -3.83 %. The parameter's range 1 to 4 kW: 160,550 to (0.8 + 9.6 = 10.4 kW; 416,000 x 0.4 = 166,400) 170,150.
def log = new File(basedir, 'build.log').text

def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
expect('[INFO] 4 files checked: no problems')
expect('[INFO] wrote target/zerocarbon-reports/it.L.json')
expect('[INFO] wrote target/zerocarbon-reports/it.L.html')
expect('it.L: 166,950 kg CO2e (modules A-C), 166,950 kg CO2e market-based, scope 2 163,200 location-based / 163,200 market-based, 4.174 kg CO2e per MH')
expect('[INFO] wrote target/zerocarbon-reports/it.L.scenarios.json')
expect('Scenarios of it.L (1 compared with the baseline):')
assert log =~ /it\.LowerStandby +160,550 kg CO2e  -6,400 \(-3\.8 %\)/
expect('most sensitive parameter: it.L.Standby (1 to 4 kW: 160,550 to 170,150 kg CO2e)')
expect('PASS error   Rules.Metered: 1 of 1 satisfied')
expect('1 criterion: 1 passed, 0 failed (0 errors, 0 warnings), 0 not applicable')
// the diff of the report against the models it came from
// (ASCII only: the arrow and the dash of the table come out as '?' where the console is not UTF-8)
expect(' (kg CO2e) | 166,950.0 | 166,950.0 | 0.0 | 0.0 % |')
assert log =~ /### Footprint delta: target\/zerocarbon-reports\/it\.L\.json .{1,3} src\/main\/zc/: 'the sides are labelled relative to the project'
expect('No change.')
expect('BUILD SUCCESS')
assert !log.contains('[ERROR]')
assert !log.contains('grew by')

// only the formats asked for
def reports = new File(basedir, 'target/zerocarbon-reports')
assert new File(reports, 'it.L.json').isFile()
assert new File(reports, 'it.L.html').text.contains('<svg'): 'the HTML report shows the line diagram'
assert !new File(reports, 'it.L-modules.csv').exists(): 'csv was not asked for'
assert new File(reports, 'it.L.pdf').getText('ISO-8859-1').startsWith('%PDF'): 'a PDF'
assert !log.contains('Using fallback font'): "PDFBox's fallback-font warnings are silenced, as zcw silences them"
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'it.L.json'))
assert json.schema.startsWith('zerocarbon-footprint-')
assert Math.abs(json.totals.total - 166950) < 0.01
assert Math.abs(json.totals.byScope.SCOPE_2 - 163200) < 0.01
assert Math.abs(json.totals.byScope.SCOPE_3 - 3750) < 0.01
return true
