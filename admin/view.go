package admin

import (
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"
	"time"

	"mpbot/bot"
	"mpbot/insights"
)

// bubble is one reply as a follower's phone shows it.
type bubble struct {
	Kind  string // text, card, media, transfer
	Parts []part // a text's lines and links
	Card  *bot.Card
	Cover bool   // the card has a cover (shown as a placeholder: nothing loads from another host)
	Media string // what a media reply is
}

// part is a piece of a text reply: plain text, or a link WeChat shows as one.
type part struct {
	Text, Link string
	Break      bool
}

var linkRe = regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`)

// phone turns replies into what a follower sees: texts with their links,
// news cards with title, description and cover.
func phone(replies []bot.Reply) []bubble {
	var out []bubble
	for _, r := range replies {
		switch r.Type {
		case bot.ReplyText:
			out = append(out, bubble{Kind: "text", Parts: textParts(r.Text)})
		case bot.ReplyNews:
			out = append(out, bubble{Kind: "card", Card: r.Card, Cover: r.Card.Pic != ""})
		case bot.ReplyTransfer:
			out = append(out, bubble{Kind: "transfer"})
		default:
			out = append(out, bubble{Kind: "media", Media: r.String()})
		}
	}
	return out
}

// textParts splits a text reply into lines and the <a href> links WeChat
// renders in text messages; everything else stays text (escaped by the
// template).
func textParts(s string) []part {
	var out []part
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			out = append(out, part{Break: true})
		}
		for line != "" {
			loc := linkRe.FindStringSubmatchIndex(line)
			if loc == nil {
				out = append(out, part{Text: html.UnescapeString(line)})
				break
			}
			if loc[0] > 0 {
				out = append(out, part{Text: html.UnescapeString(line[:loc[0]])})
			}
			out = append(out, part{Text: html.UnescapeString(line[loc[4]:loc[5]]), Link: html.UnescapeString(line[loc[2]:loc[3]])})
			line = line[loc[1]:]
		}
	}
	return out
}

// barChart draws questions per day, stacked by how they were answered, as
// inline SVG (no script, nothing from another host).
func barChart(days []insights.Day) template.HTML {
	if len(days) == 0 {
		return ""
	}
	days = everyDay(days, func(d insights.Day) string { return d.Day }, func(day string) insights.Day { return insights.Day{Day: day} })
	most := 1
	for _, d := range days {
		most = max(most, d.Questions)
	}
	const h, bw, gap = 120, 22, 6
	var b strings.Builder
	w := len(days)*(bw+gap) + gap
	fmt.Fprintf(&b, `<svg width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="questions per day" class="chart">`, w, h+30, w, h+30)
	for i, d := range days {
		x := gap + i*(bw+gap)
		y := h
		for _, seg := range []struct {
			n     int
			class string
		}{{d.Card, "card"}, {d.Rule, "rule"}, {d.List, "list"}, {d.NoMatch, "none"}, {d.Other, "other"}} {
			sh := barHeight(seg.n, h, most)
			y -= sh
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="%s"><title>%s: %d %s</title></rect>`, x, y, bw, sh, seg.class, d.Day, seg.n, seg.class)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="axis">%s</text>`, x, h+14, d.Day[8:])
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="axis">%d</text>`, x, h+26, d.Questions)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// barHeight is n's height in a chart h high whose tallest bar is most: a
// pixel at least for any n, or a day of 3 beside one of 422 showed its
// count over no bar (an operator run's find).
func barHeight(n, h, most int) int {
	if n <= 0 {
		return 0
	}
	return max(1, n*h/most)
}

// everyDay is days (in order) with the days between them that had none,
// made by empty, so that a chart's slots are consecutive days (11-22,
// 11-25, 12-02 had stood side by side: an operator run's find; the push's
// chart too, a missed push unseen: a push run's).
func everyDay[D any](days []D, dayOf func(D) string, empty func(day string) D) []D {
	first, err1 := time.Parse(time.DateOnly, dayOf(days[0]))
	last, err2 := time.Parse(time.DateOnly, dayOf(days[len(days)-1]))
	if err1 != nil || err2 != nil || last.Before(first) || last.Sub(first) > maxChartDays*24*time.Hour {
		return days
	}
	had := make(map[string]D, len(days))
	for _, d := range days {
		had[dayOf(d)] = d
	}
	all := make([]D, 0, len(days))
	for t := first; !t.After(last); t = t.AddDate(0, 0, 1) {
		day := t.Format(time.DateOnly)
		d, ok := had[day]
		if !ok {
			d = empty(day)
		}
		all = append(all, d)
	}
	return all
}

// maxChartDays bounds the days a chart draws.
const maxChartDays = 400

// pushChart draws the daily push's deliveries by state.
func pushChart(days []insights.PushDay) template.HTML {
	if len(days) == 0 {
		return ""
	}
	days = everyDay(days, func(d insights.PushDay) string { return d.Day }, func(day string) insights.PushDay { return insights.PushDay{Day: day} })
	most := 1
	for _, d := range days {
		most = max(most, d.Sent+d.Skipped+d.Failed+d.Unknown+d.InFlight)
	}
	const h, bw, gap = 100, 22, 6
	var b strings.Builder
	w := len(days)*(bw+gap) + gap
	fmt.Fprintf(&b, `<svg width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="daily push" class="chart">`, w, h+20, w, h+20)
	for i, d := range days {
		x, y := gap+i*(bw+gap), h
		// Titled in the console's words, as the legend (they had been
		// English on a Chinese page: a newcomer's run).
		for _, seg := range []struct {
			n           int
			class, name string
		}{{d.Sent, "card", "送达"}, {d.Skipped, "list", "跳过"}, {d.Failed, "none", "失败"}, {d.Unknown, "rule", "未知"}, {d.InFlight, "other", "发送中"}} {
			sh := barHeight(seg.n, h, most)
			y -= sh
			class, what := seg.class, fmt.Sprintf("%s %d", seg.name, seg.n)
			if d.Rehearsal { // reached nobody: not the green of delivered, nor the grey of sending
				class, what = "rehearsal", fmt.Sprintf("演练·%s %d（push.mode 为 log，没有粉丝收到）", seg.name, seg.n)
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="%s"><title>%s：%s</title></rect>`, x, y, bw, sh, class, d.Day, what)
		}
		if d.State == insights.Missed {
			// An empty slot would read as a push to no one.
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="3" class="missed"><title>%s：未推送</title></rect>`, x, h-3, bw, d.Day)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="axis">%s</text>`, x, h+14, d.Day[8:])
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// answered is the share of questions answered: all but no match and the
// apologies (订阅 and 退订了吗 are answered).
func answered(r *insights.Report) string {
	total, none := 0, 0
	for _, d := range r.Days {
		total += d.Questions
		// An apology while the store was down answers nothing; nor does a
		// list of the articles mentioning a topic, none about it (counted
		// a list since, it had raised the share: a re-check's find).
		none += d.NoMatch + d.Unavailable + d.Mentions
	}
	if total == 0 {
		return "-"
	}
	return share(total-none, total)
}

// share is n of all as a whole percentage, never 100% while some are not
// nor 0% while some are (425 of 427 answered showed 100% beside an
// unanswered topic: a re-check's find).
func share(n, all int) string {
	p := (n*100 + all/2) / all
	switch {
	case p == 100 && n < all:
		p = 99
	case p == 0 && n > 0:
		p = 1
	}
	return fmt.Sprintf("%d%%", p)
}
