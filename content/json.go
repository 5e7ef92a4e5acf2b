package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"time"
)

// readJSONFile reads a .json file: one article as `mpbot articles show`
// prints it (indented over many lines), or a list [ … ] of them, each at
// most MaxArticleBytes. An
// operator run's find: the README's "articles show, edit, import" did not
// work, the shown article refused as .jsonl line by line and .json
// unsupported. A broken entry of a list is reported at its first line and
// the rest are read.
func readJSONFile(path string, data []byte, url string) ([]Article, []error) {
	if url != "" {
		return nil, []error{fmt.Errorf("%s: --url is for one .html or .md file; a .json file gives its articles' \"url\"", path)}
	}
	if line, bad := NotUTF8Line(data); bad {
		why := errNotUTF8
		if cutInsideCharacter(data) {
			why = errCutShort
		}
		return nil, []error{&LineError{path, line, why}}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	start := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
	if start == len(data) {
		return nil, []error{&LineError{path, 1, errors.New("empty: a .json file holds one article, {\"title\": …}, or a list [ … ] of them")}}
	}
	if data[start] != '[' {
		if len(data)-start > MaxArticleBytes {
			return nil, []error{&LineError{path, lineAt(data, start), fmt.Errorf("the article is %s; one article may be at most %s", sizeOf(len(data)-start), sizeOf(MaxArticleBytes))}}
		}
		a, err := decodeJSONArticle(data[start:])
		if err != nil {
			return nil, []error{&LineError{path, lineAt(data, start), err}}
		}
		a.Origin = path
		return []Article{a}, nil
	}
	var (
		out  []Article
		errs []error
	)
	// Entry by entry, each decoded on its own: one broken as JSON (a
	// missing }, a trailing comma, as hand edits leave them) is reported
	// at its first line and reading goes on at the next entry, a line
	// opening with { (an operator run's find: the entries after it were
	// neither read nor reported, and the import said "skipped 1").
	p := start + 1 // after the list's [
	for {
		p = skipSpace(data, p)
		if p == len(data) {
			errs = append(errs, &LineError{path, lineAt(data, p), errListCut})
			return out, errs
		}
		if data[p] == ']' { // also after a comma ending the last entry: nothing lost
			p++
			break
		}
		dec := json.NewDecoder(bytes.NewReader(data[p:]))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return out, append(errs, &LineError{path, lineAt(data, p), errListCut})
			}
			at := p
			if syn, ok := errors.AsType[*json.SyntaxError](err); ok && trailingComma(data[at:], syn.Offset) {
				err = errTrailingComma
			} else {
				err = typed(data[at:], err)
			}
			p = nextEntry(data, p)
			errs = append(errs, &LineError{path, lineAt(data, at), fmt.Errorf("invalid JSON: %w; %s", err, readOn(data, p))})
			if p < 0 {
				return out, errs
			}
			continue
		}
		line := lineAt(data, p)
		if len(raw) > MaxArticleBytes {
			errs = append(errs, &LineError{path, line, fmt.Errorf("the article is %s; one article may be at most %s", sizeOf(len(raw)), sizeOf(MaxArticleBytes))})
		} else if a, err := decodeJSONArticle(raw); err != nil {
			errs = append(errs, &LineError{path, line, err})
		} else {
			a.Origin = fmt.Sprintf("%s:%d", path, line)
			out = append(out, a)
		}
		// After an entry, a comma and the next, or the list's end.
		q := skipSpace(data, p+int(dec.InputOffset()))
		if q < len(data) && data[q] == ',' {
			p = q + 1
			continue
		}
		if q < len(data) && data[q] == ']' {
			p = q + 1
			break
		}
		if q == len(data) {
			return out, append(errs, &LineError{path, lineAt(data, q), errListCut})
		}
		p = nextEntry(data, q)
		errs = append(errs, &LineError{path, lineAt(data, q), fmt.Errorf("invalid JSON: a comma or the list's ] expected before %q; %s", cut(string(data[q:]), 20), readOn(data, p))})
		if p < 0 {
			return out, errs
		}
	}
	if rest := bytes.TrimSpace(data[p:]); len(rest) > 0 {
		errs = append(errs, &LineError{path, lineAt(data, p), fmt.Errorf("invalid JSON: more after the list's closing ]: %q", cut(string(rest), 40))})
	}
	if len(out) == 0 && len(errs) == 0 {
		// Said, as an empty file is (a review's find: 0 articles, exit 0).
		errs = append(errs, &LineError{path, lineAt(data, start), errors.New("an empty list: no articles to import")})
	}
	return out, errs
}

// decodeJSONArticle is decodeArticle's reading of an article of a .json
// file, whose problems are not a line's: decodeArticle's words for a cut
// or a second object are JSON Lines'.
func decodeJSONArticle(b []byte) (Article, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var raw json.RawMessage
	if err := dec.Decode(&raw); errors.Is(err, io.ErrUnexpectedEOF) {
		return Article{}, errors.New("invalid JSON: the file ends inside the article, before its closing }: cut short?")
	} else if err == nil {
		if rest := bytes.TrimSpace(b[dec.InputOffset():]); len(rest) > 0 {
			return Article{}, fmt.Errorf("invalid JSON: more after the article's closing } (a .json file holds one article, or a list [ … ] of them): %q", cut(string(rest), 40))
		}
	}
	return decodeArticle(b)
}

// lineAt is the line of data holding the first character at or after
// offset that is not a space or a comma.
func lineAt(data []byte, offset int) int {
	offset = min(max(offset, 0), len(data))
	for offset < len(data) && bytes.IndexByte([]byte(" \t\r\n,"), data[offset]) >= 0 {
		offset++
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// errListCut is a .json list's end missing: the file ends inside it.
var errListCut = errors.New("invalid JSON: the file ends inside the list: cut short?")

// skipSpace is the offset of the first byte at or after p that is not
// JSON's white space.
func skipSpace(data []byte, p int) int {
	for p < len(data) && bytes.IndexByte([]byte(" \t\r\n"), data[p]) >= 0 {
		p++
	}
	return p
}

// nextEntry is the offset of the entry of a list to read on at, after one
// at p that could not be read: the next line opening with {, as one
// article a line and `mpbot articles show`'s indented form start one (an
// article holds no object of its own), or in a list on one line the next
// { after an object's end and a comma (a review's find: jq -c's lists lost
// every entry after a broken one); -1 when there is none.
func nextEntry(data []byte, p int) int {
	for q := p; ; {
		nl := bytes.IndexByte(data[q:], '\n')
		if nl < 0 {
			break
		}
		q += nl + 1
		if r := skipSpace(data, q); r < len(data) && data[r] == '{' && bytes.IndexByte(data[q:r], '\n') < 0 {
			return r
		}
	}
	if p+1 < len(data) {
		if loc := entryAfterComma.FindIndex(data[p+1:]); loc != nil {
			return p + 1 + loc[1] - 1
		}
	}
	return -1
}

// entryAfterComma is an object's end, a comma and the next object's start.
var entryAfterComma = regexp.MustCompile(`\}\s*,\s*\{`)

// readOn says where reading goes on after an entry not read: at the entry
// at p, or nowhere.
func readOn(data []byte, p int) string {
	if p < 0 {
		return "it is not read, nor anything after it in the list"
	}
	return fmt.Sprintf("it is not read; reading goes on at the next entry found, at line %d", lineAt(data, p))
}

// WriteJSON writes v as `mpbot articles show` and report print it:
// indented, HTML left as it is.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// shownSize is the size of a as `mpbot articles show` prints it, with the
// times the store sets.
func shownSize(a Article) int {
	var n byteCount
	a.CreatedAt, a.UpdatedAt = time.Date(2006, 1, 2, 15, 4, 5, 999999999, time.UTC), time.Date(2006, 1, 2, 15, 4, 5, 999999999, time.UTC)
	if err := WriteJSON(&n, a); err != nil {
		return 0
	}
	return int(n)
}

// byteCount counts what is written to it.
type byteCount int

func (n *byteCount) Write(p []byte) (int, error) {
	*n += byteCount(len(p))
	return len(p), nil
}
