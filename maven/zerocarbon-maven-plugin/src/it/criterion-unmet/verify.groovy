// The criterion Metered (severity error) wants a machine-level meter on every machine; machine M (line.zc line 6)
// has none: 1 criterion, 0 passed, 1 failed.
def log = new File(basedir, 'build.log').text

def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
expect('[ERROR]   FAIL error   Rules.Metered: The machine has no meter (1 of 1)')
expect('[ERROR]        src/main/zc/line.zc:6: it.L.M')
expect('1 criterion: 0 passed, 1 failed (1 error, 0 warnings), 0 not applicable')
expect('ZeroCarbon check failed: 1 criterion: 0 passed, 1 failed (1 error, 0 warnings), 0 not applicable')
expect('BUILD FAILURE')
return true
