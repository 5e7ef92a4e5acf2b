package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LineError locates a problem in an input file, as file:line: reason.
type LineError struct {
	File string
	Line int
	Err  error
}

// Error is one line, whatever the reasons: a line with several problems
// (Validate's, joined) printed its second reason on a line of its own,
// without the file and line to grep for (an operator run's find).
func (e *LineError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, strings.ReplaceAll(e.Err.Error(), "\n", "; "))
}
func (e *LineError) Unwrap() error { return e.Err }

// ReadJSONL reads one article per line. A broken line is reported and
// skipped; the rest are still returned, because one bad line must not cost
// an operator the whole file. A line longer than MaxArticleBytes is
// reported and skipped without being held in memory.
func ReadJSONL(r io.Reader, file string) ([]Article, []error) {
	var (
		out  []Article
		errs []error
	)
	br := bufio.NewReaderSize(r, 64*1024)
	written := false
	for line := 1; ; line++ {
		b, size, err := readLine(br, MaxArticleBytes)
		if line == 1 {
			b = bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\ufeff")) // a BOM, which Windows editors write
		}
		written = written || size > MaxArticleBytes || len(bytes.TrimSpace(b)) > 0
		if size > MaxArticleBytes {
			errs = append(errs, &LineError{file, line, fmt.Errorf("line is %s; one article may be at most %s", sizeOf(size), sizeOf(MaxArticleBytes))})
		} else if b = bytes.TrimSpace(b); len(b) > 0 {
			if !utf8.Valid(b) {
				why := errNotUTF8
				if err == io.EOF && cutInsideCharacter(b) {
					why = errCutShort // the last line, valid but for its last character
				}
				errs = append(errs, &LineError{file, line, why})
			} else if a, lerr := decodeArticle(b); lerr != nil {
				errs = append(errs, &LineError{file, line, lerr})
			} else {
				a.Origin = fmt.Sprintf("%s:%d", file, line)
				out = append(out, a)
			}
		}
		if err == io.EOF {
			if !written {
				// As an empty .json file is (a nightly export that failed
				// had imported as a clean run of nothing: an operator
				// run's find).
				errs = append(errs, &LineError{file, 1, errors.New(`empty: a .jsonl file holds one article a line, {"title": …}`)})
			}
			return out, errs
		}
		if err != nil {
			return out, append(errs, &LineError{file, line, err})
		}
	}
}

// errNotUTF8 is a file saved in another encoding (GBK, by older Windows
// editors): decoded as UTF-8 it would import as mojibake.
var errNotUTF8 = errors.New("not UTF-8 text: save the file as UTF-8")

// errCutShort is a file valid UTF-8 but for its last character: a copy or
// a save cut short.
var errCutShort = errors.New("the file ends inside a character: it was cut short; save or copy it again whole")

// jsonKind names a JSON value's kind as encoding/json reports it.
func jsonKind(v string) string {
	if k, ok := map[string]string{"number": "a number", "bool": "true or false", "array": "a list", "object": "an object", "string": "text"}[v]; ok {
		return k
	}
	return v
}

func decodeArticle(b []byte) (Article, error) {
	var a Article
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] != '{' {
		// null, [{…}] or "text": cannot unmarshal array into Go value of
		// type content.Article said it in the program's words.
		return a, fmt.Errorf("not an article: a line holds one JSON object, {\"title\": …}, not %q", cut(string(t), 20))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field == "tags" && typeErr.Value == "string" {
			// One tag as text, as a front matter's tags: 遴选 is (a
			// newcomer's run: refused here, taken there).
			if listed, ok := tagAsList(b); ok {
				return decodeArticle(listed)
			}
		}
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			// The decoder read the rest of the article: its other
			// problems are said on the same line (an operator run's find:
			// a bad date beside a bad tags went unsaid).
			field, problem := typeProblem(typeErr)
			a.PublishedOn, a.ScheduledOn = dayOf(a.PublishedOn), dayOf(a.ScheduledOn)
			if others := otherProblems(a.Validate(), field); others != nil {
				return a, fmt.Errorf("%w; %w", problem, others)
			}
			return a, problem
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// unexpected EOF said nothing of what to do (an operator
			// run's find: a file cut mid-line).
			return a, errors.New("invalid JSON: the line ends inside the article, before its closing }: cut short, or one article broken over lines (JSONL holds one a line; an indented article, as articles show prints it, imports from a .json file)")
		}
		if syn, ok := errors.AsType[*json.SyntaxError](err); ok && trailingComma(b, syn.Offset) {
			// (invalid character '}' looking for beginning of object key
			// string said it in the decoder's words: an operator run's
			// find.)
			return a, fmt.Errorf("invalid JSON: %w", errTrailingComma)
		}
		if m := jsonUnknownFieldRe.FindStringSubmatch(err.Error()); m != nil {
			name, uerr := strconv.Unquote(m[1])
			if uerr != nil {
				name = m[1]
			}
			return a, unknownField(name)
		}
		return a, fmt.Errorf("invalid JSON: %w", typed(b, err))
	}
	// Dates as a blog or a CMS writes them (2026/11/26, 2026年11月26日, a
	// time after the day) are read as a Markdown file's front matter reads
	// them: JSON Lines refused what Markdown took (a newcomer's run).
	a.PublishedOn, a.ScheduledOn = dayOf(a.PublishedOn), dayOf(a.ScheduledOn)
	// One article a line: a second object on it (two lines joined by an
	// editor) was dropped unseen, and text after the object ignored.
	if off := dec.InputOffset(); len(bytes.TrimSpace(b[off:])) > 0 {
		return a, fmt.Errorf("invalid JSON: more after the article's closing } (one article a line): %q", cut(string(bytes.TrimSpace(b[off:])), 40))
	}
	// A CMS's export holds its HTML (<p>…&nbsp;…</p>): it showed on the
	// follower's card as tags (an operator run's find).
	// Its tags are taken out and its entities read, and nothing else: a
	// text's own x<y stays (parsed as HTML, a<b 时取小者 had been eaten to
	// its next >: a re-check's find).
	if entityRe.MatchString(a.Title) {
		a.Title = html.UnescapeString(a.Title) // 学习&ldquo;两个确立&rdquo; (a re-check's find)
	}
	if isMarkup(a.Summary) {
		a.Summary = oneLine(textOfMarkup(a.Summary))
	}
	if isMarkup(a.Body) {
		a.Body = textOfMarkup(a.Body)
	}
	return a, a.Validate()
}

// markupCloseRe is a tag closing a block of an article's HTML;
// markupBreakRe one that ends a paragraph or a line.
var (
	markupCloseRe = regexp.MustCompile(`(?i)</(?:p|div|li|h[1-6]|section|tr|td|blockquote|span|b|strong|em|a|font)\s*>`)
	markupBreakRe = regexp.MustCompile(`(?i)<br\s*/?>|<p(?:\s[^<>]*)?>|</(?:p|div|li|h[1-6]|section|tr|blockquote)\s*>`)
	// A CMS's export may write no closing tag at all: lines ended by
	// <br> (after a sentence or a clause, or before a line's end or another
	// tag), or paragraphs opened with <p>.
	markupLineRe   = regexp.MustCompile(`(?i)[。！？；”」』]\s*<br\s*/?>|<br\s*/?>[ \t]*(?:\r?\n|$|<)`)
	markupClauseRe = regexp.MustCompile(`(?i)，\s*<br\s*/?>`) // a poem's lines: 床前明月光，<br>疑是地上霜。
	markupParaRe   = regexp.MustCompile(`(?i)<p(?:\s[^<>]*)?>`)
)

// isMarkup reports whether s is HTML: tags, one of them closing a block
// (在网页中，<p>标签表示一个段落，<br>标签表示换行 names tags, and stays: a
// re-check's find), or a CMS's export that closes none: two line breaks
// ending lines, or a text opening with <p> and another paragraph or line
// break after. Prose naming <br> or <p> (连续写两个<br>可以空出一行, an
// example of paragraphs opened on lines of their own) names tags mid-
// sentence, or does not open with one (a re-check's find: taken for HTML).
func isMarkup(s string) bool {
	if markupCloseRe.MatchString(s) {
		return true
	}
	lines := len(markupLineRe.FindAllStringIndex(s, 2))
	if lead := strings.TrimLeft(s, " \t\r\n"); len(lead) > 2 && strings.EqualFold(lead[:2], "<p") && markupParaRe.MatchString(lead) {
		return lines+len(markupParaRe.FindAllStringIndex(lead, 2)) >= 2
	}
	return lines+len(markupClauseRe.FindAllStringIndex(s, 2)) >= 2
}

// textOfMarkup is HTML's text: paragraphs at its blocks' ends, styles,
// scripts and comments out, then every tag (Word's <o:p> too), its entities
// read.
func textOfMarkup(s string) string {
	s = markupNoTextRe.ReplaceAllString(s, "")
	s = markupBreakRe.ReplaceAllString(s, "\n\n")
	s = anyTagRe.ReplaceAllString(s, "")
	return tidyParagraphs(html.UnescapeString(s))
}

var (
	markupNoTextRe = regexp.MustCompile(`(?is)<style[^>]*>.*?</style>|<script[^>]*>.*?</script>|<!--.*?-->`)
	// A tag of an article's HTML (Word's <o:p>, <p class=MsoNormal>), its
	// attributes of ASCII names: not a<b 时取小者… nor <Nature> (a
	// re-check's find: eaten).
	anyTagRe = regexp.MustCompile(`(?i)</?(?:[a-z]+:[a-z]+|p|br|div|span|b|strong|em|i|u|a|img|h[1-6]|ul|ol|li|section|article|table|tbody|thead|tr|td|th|blockquote|font|sup|sub|hr|figure|figcaption|center|small|big|code|pre|s|del|ins|mark)(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*/?>`)
	entityRe = regexp.MustCompile(`&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});`)
)

// jsonFields are the names an article's JSON fields go by.
var jsonFields = fieldNames[Article]("json")

// tagAsList is the article b with its tags given as one text written as a
// list of it; false when b is no object whose tags are a text.
func tagAsList(b []byte) ([]byte, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(b, &fields) != nil {
		return nil, false
	}
	var tag string
	if json.Unmarshal(fields["tags"], &tag) != nil {
		return nil, false
	}
	// As a front matter reads it: trimmed, and none when empty (a
	// re-check's find: "" had been one empty tag).
	tags := []string{}
	if tag = strings.TrimSpace(tag); tag != "" {
		tags = append(tags, tag)
	}
	fields["tags"], _ = json.Marshal(tags)
	listed, err := json.Marshal(fields)
	return listed, err == nil
}

// unknownField says a field no article has with the one it was most likely
// meant for (summry, publishedOn: an operator run's find, the error named
// the typo and no way out), or else the fields an article has. The line is
// JSON: "invalid JSON: json: unknown field" said it was not.
func unknownField(name string) error {
	if near := nearestField(name, jsonFields); near != "" {
		return fmt.Errorf("unknown field %q (did you mean %q?)", name, near)
	}
	written := slices.DeleteFunc(slices.Clone(jsonFields), func(f string) bool { return f == "created_at" || f == "updated_at" })
	return fmt.Errorf("unknown field %q (an article's fields: %s)", name, strings.Join(written, ", "))
}

// jsonUnknownFieldRe is the decoder's unknown field, quoted as Go quotes
// it ("a\"b": a name holding a quote had been cut at it, a re-check's
// find).
var jsonUnknownFieldRe = regexp.MustCompile(`unknown field ("(?:[^"\\]|\\.)*")`)

// nearestField is the field of known that name most likely misspells: the
// same but for case, - or _ (publishedOn, published-on), or one letter
// added, dropped, changed or swapped with the next (summry, titel), its
// first letter kept; "" when none is that near. Two letters off is
// another word as often as a typo (created_by is no created_at, related
// no created: a re-check's finds), and so is a first letter changed
// (height is no weight).
func nearestField(name string, known []string) string {
	flat := func(s string) string {
		return strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(s))
	}
	n := flat(name)
	for _, k := range known {
		if flat(k) == n {
			return k
		}
	}
	for _, k := range known {
		// One letter off in a short name is another word as often as a
		// typo (url, tag): only names of four letters or more.
		if f := flat(k); len(f) >= 4 && n != "" && n[0] == f[0] && oneLetterOff(n, f) {
			return k
		}
	}
	return ""
}

// oneLetterOff reports whether b is a with one letter added, dropped,
// changed or swapped with the next (titel for title), by bytes: field
// names are ASCII.
func oneLetterOff(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch {
	case len(b)-len(a) == 1:
		return a[i:] == b[i+1:]
	case len(a) != len(b) || i == len(a):
		return false
	}
	return a[i+1:] == b[i+1:] || i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// typed is a syntax error at a character past ASCII said with that
// character: the decoder names its first byte as a character of its own
// (invalid character 'â' for “: an operator run's find, a line saved by a
// word processor); other errors as they are.
func typed(b []byte, err error) error {
	syn, ok := errors.AsType[*json.SyntaxError](err)
	if !ok || syn.Offset <= 0 || syn.Offset > int64(len(b)) || b[syn.Offset-1] < utf8.RuneSelf {
		return err
	}
	r, _ := utf8.DecodeRune(b[syn.Offset-1:])
	if strings.ContainsRune("“”„‟＂", r) {
		return fmt.Errorf("%q where JSON needs a straight quote \" (a word processor's curly quotes: write it in a plain-text editor, or replace each “ and ” around a name or a value with \")", string(r))
	}
	return fmt.Errorf("%q where JSON needs \" around a name or a value, or one of , : { } [ ]", string(r))
}

// typeProblem says a field of the wrong JSON type in the file's words:
// "Go struct field Article.title of type string" is the program's.
func typeProblem(typeErr *json.UnmarshalTypeError) (field string, err error) {
	field, _, inList := strings.Cut(typeErr.Field, ".") // tags.0: an entry of tags
	if f, ok := reflect.TypeFor[Article]().FieldByNameFunc(func(n string) bool {
		sf, _ := reflect.TypeFor[Article]().FieldByName(n)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		return name == field
	}); ok && f.Type.Kind() == reflect.Slice {
		if inList || typeErr.Type.Kind() != reflect.Slice {
			return field, fmt.Errorf("%q is a list of texts: one entry is %s", field, jsonKind(typeErr.Value))
		}
		return field, fmt.Errorf("%q is a list of texts, not %s", field, jsonKind(typeErr.Value))
	}
	return field, fmt.Errorf("%q is text, not %s", field, jsonKind(typeErr.Value))
}

// otherProblems is what Validate found (verr) but of field, which the
// decoder left empty: "title is empty" after "title" is text, not a list
// says nothing more.
func otherProblems(verr error, field string) error {
	joined, ok := verr.(interface{ Unwrap() []error })
	if !ok {
		return verr
	}
	var rest []error
	for _, e := range joined.Unwrap() {
		var fe *FieldError
		if errors.As(e, &fe) && (fe.Field == field || fe.Field == "id" && field == "url") {
			continue
		}
		rest = append(rest, e)
	}
	return errors.Join(rest...)
}

// readLine reads one line of at most max bytes (without its newline) and
// reports the line's whole size; a longer line is read to its end and
// dropped, so memory stays bounded by max. err is io.EOF after the last.
func readLine(br *bufio.Reader, max int) (line []byte, size int, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		size += len(chunk)
		if size <= max+1 { // +1: the newline
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil || err == io.EOF {
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			if size > 0 && err == nil {
				size-- // the newline is not the article's
			}
			if size > max {
				buf = nil
			}
			return buf, size, err
		}
		return nil, size, err
	}
}

// sizeOf writes a byte count for people.
func sizeOf(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// errTrailingComma is a comma after an article's last field, in a line or
// a list's entry alike.
var errTrailingComma = errors.New("a comma before the article's closing } (its last field takes none)")

// trailingComma reports whether the JSON syntax error at offset (where the
// decoder stopped, just past the character it refused) is a } after a
// comma: hand edits leave one after the last field.
func trailingComma(b []byte, offset int64) bool {
	if offset < 1 || offset > int64(len(b)) || b[offset-1] != '}' {
		return false
	}
	before := bytes.TrimRight(b[:offset-1], " \t\r\n")
	return len(before) > 0 && before[len(before)-1] == ','
}
