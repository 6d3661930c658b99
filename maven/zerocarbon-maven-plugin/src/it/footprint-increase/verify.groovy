// Baseline (grid 0.40 kg/kWh): A1 3,750 + B6 408,000 kWh x 0.40 = 163,200 -> 166,950 kg.
// Current  (grid 0.44 kg/kWh): B6 408,000 x 0.44 = 179,520 -> 183,270 kg.
// Increase 16,320 / 166,950 = 9.775 % > 5 %: the gate fails the build.
def log = new File(basedir, 'build.log').text

def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
expect('[INFO] wrote target/baseline/it.L.json')
expect('it.L: 166,950 kg CO2e (modules A-C)')
assert log.contains('183,270') || log.contains('183270'): 'the new total is in the delta'
assert log.contains('it.G'): 'the delta names the factor that changed'
// by state: processing 12 kW x 0.8 x 40,000 h = 384,000 kWh x 0.04 = +15,360; standby 3 kW x 0.2 x 40,000 h = 24,000 kWh x 0.04 = +960
expect('| it.L.M | B6 | Scope 2 | electricity, processing state (it.G) | +15,360.0 |')
expect('| it.L.M | B6 | Scope 2 | electricity, standby state (it.G) | +960.0 |')
expect('the footprint of it.L grew by 9.78 % (limit 5 %)')
expect(':diff (gate) on project footprint-increase: ZeroCarbon diff failed: the footprint of it.L grew by 9.78 % (limit 5 %)')
expect('BUILD FAILURE')
return true
