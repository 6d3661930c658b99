def log = new File(basedir, 'build.log').text

def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
expect("zcw report could not run: unknown report format 'docx' (use json, csv, html, pdf or all)")
expect('BUILD FAILURE')
assert !log.contains("Run 'zcw help'"): 'the terminal hint is left out'
assert !new File(basedir, 'target/zerocarbon-reports').exists()
return true
