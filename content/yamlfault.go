package content

import (
	"regexp"

	"go.yaml.in/yaml/v3"
)

// YAMLFault is where YAML text goes wrong, given the parser's error for
// it: the line (from 1) and the parser's message. The parser names the
// line where the construct it was reading began (the start of a section,
// 53 lines before a value written [R2] 已为你…), and an unclosed quote is
// noticed where the next quote happens to be, hundreds of lines on.
//
// The text up to the fault parses, and every longer part of it fails: but
// so does a part ending inside a list or a quoted string written over
// several lines, valid as a whole. So parts are cut only before a line
// that begins a key (name: …, - name: …), where no such construct is open,
// and halved down to the two neighbouring cuts that parse and fail; the fault is the first line
// between them at which the part fails as the whole does. open reports
// that the part up to it fails otherwise (a quote or bracket opened there
// and closed wrongly further on); line is 0 when the error names none.
func YAMLFault(data []byte, parseErr error) (line int, msg string, open bool) {
	m := yamlErrorRe.FindStringSubmatch(parseErr.Error())
	if m == nil {
		return 0, parseErr.Error(), false
	}
	// Where each line ends, and the cuts: 0, the ends of lines a key
	// line follows, and the whole.
	var ends []int
	start := 0
	cuts := []int{0}
	for i := 0; i <= len(data); i++ {
		if i < len(data) && data[i] != '\n' {
			continue
		}
		if YAMLKeyLine(data[start:i]) && len(ends) > 0 {
			cuts = append(cuts, len(ends))
		}
		if i < len(data) || start < len(data) {
			ends = append(ends, min(i+1, len(data)))
		}
		start = i + 1
	}
	if len(ends) == 0 {
		return 1, m[2], false
	}
	cuts = append(cuts, len(ends))
	failure := func(n int) string { // of the first n lines, "" when they parse
		if n <= 0 {
			return ""
		}
		var node yaml.Node
		if err := yaml.Unmarshal(data[:ends[n-1]], &node); err != nil {
			if pm := yamlErrorRe.FindStringSubmatch(err.Error()); pm != nil {
				return pm[2]
			}
			return err.Error()
		}
		return ""
	}
	lo, hi := 0, len(cuts)-1 // cuts[lo] parses, cuts[hi] fails
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; failure(cuts[mid]) != "" {
			hi = mid
		} else {
			lo = mid
		}
	}
	for n := cuts[lo] + 1; n <= cuts[hi]; n++ {
		if f := failure(n); f == m[2] {
			return n, m[2], false
		}
	}
	return cuts[lo] + 1, m[2], failure(cuts[lo]+1) != m[2]
}

// YAMLKeyLine reports a line that begins a key of a mapping (name: …), or
// an item that is one (- name: …), whatever it is indented with (a
// no-break space too, which YAML takes as text).
func YAMLKeyLine(line []byte) bool { return yamlKeyLine.Match(line) }

var (
	yamlErrorRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	yamlKeyLine = regexp.MustCompile(`^[ \t\x{00a0}]*(?:- )?[A-Za-z_][A-Za-z0-9_]*:(?:[ \t\r]|$)`)
)
