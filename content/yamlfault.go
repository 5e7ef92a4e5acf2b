package content

import (
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// YAMLFault is where YAML text goes wrong, given the parser's error for
// it: the line (from 1) and the parser's message. The parser names the
// line where the construct it was reading began (the start of a section,
// 53 lines before a value written [R2] 已为你…), and an unclosed quote is
// noticed where the next quote happens to be, hundreds of lines on. The
// text up to the fault parses and every longer part of it fails, but for
// a part ending inside a list, a mapping or a quote that goes on over a
// few lines: so the fault is the line after the last part that parses,
// found by halving between the parser's line and the end, a part counting
// as failing only if it still does 1, 2, 4 … 64 lines further on. open reports
// that the text up to the fault line fails otherwise than the whole (a
// quote or bracket opened there and closed wrongly further on); line is 0
// when the error names no line.
func YAMLFault(data []byte, parseErr error) (line int, msg string, open bool) {
	m := yamlErrorRe.FindStringSubmatch(parseErr.Error())
	if m == nil {
		return 0, parseErr.Error(), false
	}
	// Where each line ends; at the end of the text the parser may count a
	// line past it.
	var ends []int
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] < len(data) {
		ends = append(ends, len(data))
	}
	failure := func(n int) string { // of the first n lines, "" when they parse
		if n <= 0 {
			return ""
		}
		var node yaml.Node
		if err := yaml.Unmarshal(data[:ends[min(n, len(ends))-1]], &node); err != nil {
			if pm := yamlErrorRe.FindStringSubmatch(err.Error()); pm != nil {
				return pm[2]
			}
			return err.Error()
		}
		return ""
	}
	parses := func(n int) bool { return failure(n) == "" }
	fails := func(n int) bool {
		for _, k := range [...]int{0, 1, 2, 4, 8, 16, 32, 64} {
			if n+k <= len(ends) && parses(n+k) {
				return false
			}
		}
		return true
	}
	from, _ := strconv.Atoi(m[1])
	lo, hi := min(from, len(ends))-1, len(ends) // the first lo lines parse; the first hi fail
	if lo > 0 && !parses(lo) {
		lo = 0
	}
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	// Failing otherwise than the whole, the line leaves something open
	// that the rest of the text closes wrongly.
	return hi, m[2], failure(hi) != m[2]
}

var yamlErrorRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
