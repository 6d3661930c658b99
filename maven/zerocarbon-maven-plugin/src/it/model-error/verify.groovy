// line.zc line 7 is "<tab><tab>rated 20 kWh": the unit starts in column 12 (a tab is one column) and is an energy,
// not a power. validate (phase validate) fails the build before report (phase package) runs.
def log = new File(basedir, 'build.log').text

def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
def error = log.readLines().find { it.startsWith('[ERROR] src/main/zc/line.zc:7:12: error: ') }
assert error != null: 'the error is logged at its file:line:column'
assert error.contains("'kWh'") && error.endsWith('[org.zerocarbon.lang.wrongDimension]'): error
expect('3 files checked: 1 error, 0 warnings')
expect('BUILD FAILURE')
expect(':validate (default) on project model-error: ZeroCarbon validate failed: 3 files checked: 1 error, 0 warnings')
assert !(log =~ /zerocarbon-maven-plugin:[^:]+:report/): 'report does not run'
assert !new File(basedir, 'target/zerocarbon-reports').exists()
return true
