package wechat

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// A hostile run's finds in the webhook (the session of 2026-12-06).

// hungReceipts is a store that hangs on a receipt's write, as PostgreSQL
// does with its connections open and nothing answering: the write ends
// only when its context does. A write given no deadline is refused at once
// (and noted), so the test never hangs.
type hungReceipts struct {
	calls chan receiptCall
}

type receiptCall struct {
	bounded bool
}

func (r *hungReceipts) RecordReceipt(ctx context.Context, rc Receipt) error {
	_, bounded := ctx.Deadline()
	r.calls <- receiptCall{bounded: bounded}
	if !bounded {
		// Live, this write waited until WeChat hung up (8 s and more with
		// a hung PostgreSQL): no answer inside the 5-second window.
		return errors.New("the receipt's write has no deadline: a hung store holds the webhook call")
	}
	<-ctx.Done()
	return ctx.Err()
}

// TestReceiptWriteIsBoundedByTheReplyBudget: WeChat's TEMPLATESENDJOBFINISH
// and MASSSENDJOBFINISH events are recorded in the store on the request's
// path, before the answer, with the request's own context, which has no
// deadline. Live, with PostgreSQL hung (a proxy holding its connections), a
// TEMPLATESENDJOBFINISH event got no answer at all: the client gave up after
// 8 s, and so did its retry, where README promises the bot's reads and
// writes end before server.reply_budget does ("a store that hangs … gets the
// follower … in time"). Every retry WeChat sends holds another goroutine and
// connection, and at SIGTERM such a call holds the shutdown to its deadline
// (exit 1). The write must be bounded (or taken off the request's path), so
// that the event is answered "success" within the budget.
func TestReceiptWriteIsBoundedByTheReplyBudget(t *testing.T) {
	for _, ev := range []struct{ name, extra string }{
		{"TEMPLATESENDJOBFINISH", "<MsgID>200163836</MsgID><Status><![CDATA[success]]></Status>"},
		{"MASSSENDJOBFINISH", "<MsgID>1000001625</MsgID><Status><![CDATA[send success]]></Status><TotalCount>3</TotalCount><FilterCount>3</FilterCount><SentCount>3</SentCount><ErrorCount>0</ErrorCount>"},
	} {
		t.Run(ev.name, func(t *testing.T) {
			receipts := &hungReceipts{calls: make(chan receiptCall, 4)}
			hs := newHarness(t, ModeSafe, func(c *Config, _ *harness) { c.Receipts = receipts })
			out := hs.send(Inbound{From: "o_receipts", MsgType: "event", Event: ev.name, CreateTime: time.Now().Unix(), Extra: ev.extra})
			var call receiptCall
			select {
			case call = <-receipts.calls:
			default:
				t.Fatal("the receipt was not recorded at all")
			}
			if !call.bounded {
				t.Fatalf("%s: the receipt was written with no deadline (the request's context): with the store hung, WeChat gets no answer within 5 s", ev.name)
			}
			if !out.Success {
				t.Fatalf("%s: answered %s, want success", ev.name, fmt.Sprint(string(out.Plain)))
			}
		})
	}
}
