package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// LineError locates a problem in an input file, as file:line: reason.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadJSONL reads one article per line. A broken line is reported and
// skipped; the rest are still returned, because one bad line must not cost
// an operator the whole file.
func ReadJSONL(r io.Reader, file string) ([]Article, []error) {
	var (
		out  []Article
		errs []error
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var a Article
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			errs = append(errs, &LineError{file, line, fmt.Errorf("invalid JSON: %w", err)})
			continue
		}
		if err := a.Validate(); err != nil {
			errs = append(errs, &LineError{file, line, err})
			continue
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &LineError{file, line + 1, err})
	}
	return out, errs
}
