import { Box, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import {
  IconCircleCheckFilled,
  IconCircleDashed,
  IconCircleX,
  IconConfetti,
  IconPlugConnectedX,
} from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { BrandMark } from '../../components/brand-mark.js';
import { formatDate, formatNumber, zoneLabel } from '../../lib/format.js';
import { boardStrings as s } from './strings.js';
import type { PublicBoard } from './types.js';
import { useBoardStream } from './use-board-stream.js';

/** Colours for a projector in a lit hall: deep blue ground, white text, green and gold marks. */
const ink = {
  ground: '#07243f',
  card: '#0d3358',
  cardDone: '#0f4a3a',
  line: 'rgba(255,255,255,0.18)',
  text: '#ffffff',
  soft: '#c9d7e6',
  done: '#57d39b',
  gold: '#f2c14e',
};

/**
 * Class names for what inline styles cannot say: media queries, animation, and the reduced
 * motion rule. Styles are scoped by the `amanah-board` prefix.
 */
const css = `
.amanah-board-head { position: sticky; top: 0; z-index: 5; }
@media (max-width: 48em) { .amanah-board-head { position: static; } }
.amanah-board-grid { display: grid; gap: 14px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 360px), 1fr)); }
.amanah-board-bar > div { transition: width 900ms ease-out; }
.amanah-board-pop { animation: amanah-board-pop 900ms ease-out both; }
.amanah-board-flash { animation: amanah-board-flash 2.4s ease-out; }
@keyframes amanah-board-pop { from { transform: scale(0.9); opacity: 0; } to { transform: scale(1); opacity: 1; } }
@keyframes amanah-board-flash { 0% { box-shadow: 0 0 0 4px ${ink.gold}; } 100% { box-shadow: 0 0 0 0 transparent; } }
@media (prefers-reduced-motion: reduce) {
  .amanah-board-bar > div { transition: none; }
  .amanah-board-pop, .amanah-board-flash { animation: none; }
}
`;

/**
 * /papan/$token: the full-screen venue board, public (no sign-in, no app shell). Large type
 * for the back of a hall, live over server-sent events with automatic reconnection, and a
 * celebration when every document is signed. When the participants do not fit on the screen
 * the page scrolls slowly by itself (not for people who ask for reduced motion).
 */
export function BoardPage() {
  const { token } = useParams({ from: '/papan/$token' });
  const { board, phase } = useBoardStream(token);
  const reducedMotion = useReducedMotion() ?? false;
  useAutoScroll(!reducedMotion && board !== null);

  useEffect(() => {
    document.title = board ? `${s.pageTitle} · ${board.title}` : s.pageTitle;
  }, [board]);

  return (
    <Box component="main" mih="100vh" style={{ background: ink.ground, color: ink.text }} lang="id">
      <style>{css}</style>
      {phase === 'gone' ? (
        <Center mih="100vh" p="xl">
          <Stack align="center" gap="md" maw={720} ta="center">
            <IconCircleX size={72} color={ink.gold} aria-hidden />
            <Title order={1} fz={40} c={ink.text}>
              {s.notFoundTitle}
            </Title>
            <Text fz={24} c={ink.soft}>
              {s.notFoundBody}
            </Text>
          </Stack>
        </Center>
      ) : board === null ? (
        <Center mih="100vh">
          <Stack align="center" gap="md">
            <Loader color={ink.gold} size="xl" aria-hidden />
            <Text fz={28} c={ink.soft} role="status">
              {s.loading}
            </Text>
          </Stack>
        </Center>
      ) : (
        <BoardView token={token} board={board} reconnecting={phase === 'reconnecting'} />
      )}
    </Box>
  );
}

/** At the top of the (sticky) header, pushing it down rather than covering it. */
function ConnectionBanner({ show }: { show: boolean }) {
  return (
    // Always in the page so screen readers hear the change when it appears.
    <Box role="status" aria-live="polite">
      {show && (
        <Group
          justify="center"
          gap="sm"
          py={10}
          style={{ background: ink.gold, color: '#1a1a1a', fontSize: 24, fontWeight: 700 }}
        >
          <IconPlugConnectedX size={28} aria-hidden />
          {s.reconnecting}
        </Group>
      )}
    </Box>
  );
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeOf(iso: string, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    timeFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

function BoardView({
  token,
  board,
  reconnecting,
}: {
  token: string;
  board: PublicBoard;
  reconnecting: boolean;
}) {
  const p = board.progress;
  const complete = p.signatures > 0 && p.percent === 100;
  const zone = zoneLabel(board.timeZone);
  const when = [
    formatDate(board.eventDate),
    board.startTime ? `pukul ${board.startTime.replace(':', '.')} ${zone}` : null,
    board.place,
  ]
    .filter(Boolean)
    .join(' · ');
  const signaturesText = s.signatures(p.signaturesDone, p.signatures);

  return (
    <Stack gap={0}>
      <Box
        component="header"
        className="amanah-board-head"
        style={{ background: ink.ground, borderBottom: `1px solid ${ink.line}` }}
      >
        <ConnectionBanner show={reconnecting} />
        <Box px={{ base: 'md', md: 40 }} pt={{ base: 'md', md: 28 }} pb={20}>
          <Group justify="space-between" align="flex-start" gap="xl">
            <Group gap="lg" wrap="nowrap" align="center" style={{ minWidth: 0, flex: '1 1 480px' }}>
              <Box style={{ flexShrink: 0 }} visibleFrom="sm">
                {board.tenant.hasLogo ? (
                  <img
                    src={`/api/public/ceremony-boards/${encodeURIComponent(token)}/logo`}
                    alt={`Logo ${board.tenant.name}`}
                    style={{ height: 'clamp(56px, 6vw, 96px)', width: 'auto' }}
                  />
                ) : (
                  <BrandMark size={72} />
                )}
              </Box>
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fz="clamp(16px, 1.4vw, 26px)" fw={700} c={ink.gold} tt="uppercase">
                  {board.tenant.name}
                </Text>
                <Title order={1} fz="clamp(24px, 2.6vw, 48px)" lh={1.15} c={ink.text}>
                  {board.title}
                </Title>
                <Text fz="clamp(16px, 1.3vw, 24px)" c={ink.soft}>
                  {when}
                </Text>
              </Stack>
            </Group>
            <Text
              fz="clamp(56px, 7vw, 132px)"
              fw={800}
              lh={1}
              c={complete ? ink.done : ink.text}
              aria-hidden
              style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
            >
              {formatNumber(p.percent)}%
            </Text>
          </Group>
          <Box
            className="amanah-board-bar"
            mt={18}
            h={28}
            role="progressbar"
            aria-label="Kemajuan tanda tangan"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={p.percent}
            aria-valuetext={`${p.percent} %, ${signaturesText}`}
            style={{ background: 'rgba(255,255,255,0.14)', borderRadius: 14, overflow: 'hidden' }}
          >
            <Box
              h="100%"
              w={`${p.percent}%`}
              style={{ background: complete ? ink.done : ink.gold, borderRadius: 14 }}
            />
          </Box>
          <Group justify="space-between" mt={10}>
            <Text fz="clamp(18px, 1.5vw, 28px)" fw={600}>
              {signaturesText}
            </Text>
            <Text fz="clamp(16px, 1.3vw, 24px)" c={ink.soft}>
              {s.documents(p.signed, p.documents)}
            </Text>
          </Group>
        </Box>
      </Box>

      <Box px={{ base: 'md', md: 40 }} py={24}>
        {board.status === 'cancelled' && (
          <Text fz={28} fw={700} c={ink.gold} mb="lg" role="status">
            {s.cancelled}
          </Text>
        )}
        {complete && <Celebration />}
        {board.rows.length === 0 ? (
          <Text fz={28} c={ink.soft}>
            {s.noRows}
          </Text>
        ) : (
          <div className="amanah-board-grid">
            {board.rows.map((row, i) => (
              <ParticipantCard
                // Rows have no ids on a public board; their order is stable (the items' order).
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                row={row}
                timeZone={board.timeZone}
              />
            ))}
          </div>
        )}
        <Text fz={16} c={ink.soft} mt="xl" ta="right">
          {s.updated(timeOf(board.at, board.timeZone))} {zone}
        </Text>
      </Box>
    </Stack>
  );
}

function Celebration() {
  return (
    <Group
      className="amanah-board-pop"
      role="status"
      gap="lg"
      wrap="nowrap"
      mb={28}
      p={{ base: 'md', md: 28 }}
      style={{ background: ink.cardDone, border: `3px solid ${ink.done}`, borderRadius: 16 }}
    >
      <IconConfetti size={72} color={ink.gold} aria-hidden />
      <Stack gap={6}>
        <Text fz="clamp(28px, 3vw, 56px)" fw={800} lh={1.1}>
          {s.allDone}
        </Text>
        <Text fz="clamp(18px, 1.5vw, 28px)" c={ink.soft}>
          {s.allDoneSub}
        </Text>
      </Stack>
    </Group>
  );
}

type Row = PublicBoard['rows'][number];

function ParticipantCard({ row, timeZone }: { row: Row; timeZone: string }) {
  const done = row.documents.length > 0 && row.documents.every((d) => d.status === 'signed');
  const signedKey = row.documents
    .flatMap((d) => d.signatures.map((x) => x.signedAt ?? ''))
    .join('|');
  // A change of what is signed on this card flashes it once (not with reduced motion).
  const previous = useRef(signedKey);
  const flash = previous.current !== signedKey;
  useEffect(() => {
    previous.current = signedKey;
  }, [signedKey]);

  return (
    <Box
      key={signedKey}
      className={flash ? 'amanah-board-flash' : undefined}
      p={18}
      style={{
        background: done ? ink.cardDone : ink.card,
        borderRadius: 12,
        borderLeft: `8px solid ${done ? ink.done : 'transparent'}`,
      }}
    >
      <Text fz="clamp(20px, 1.45vw, 30px)" fw={700} lh={1.2}>
        {row.name}
      </Text>
      <Text fz="clamp(15px, 1.05vw, 21px)" c={ink.soft} lh={1.25} mb={10}>
        {row.jabatan}
      </Text>
      <Stack gap={6}>
        {row.documents.map((doc) => (
          <Group key={doc.kind} gap={10} wrap="nowrap" align="flex-start">
            <Text
              fz="clamp(14px, 0.95vw, 19px)"
              fw={800}
              c={ink.gold}
              w="2.4em"
              style={{ flexShrink: 0 }}
              aria-label={s.kind[doc.kind]}
            >
              {s.kindShort[doc.kind]}
            </Text>
            <Group gap={14} wrap="wrap" style={{ rowGap: 4 }}>
              {doc.status === 'not_ready' ? (
                <Text fz="clamp(14px, 0.95vw, 19px)" c={ink.soft} fs="italic">
                  {s.notReady}
                </Text>
              ) : (
                doc.signatures.map((sig) => (
                  <Group key={sig.role} gap={5} wrap="nowrap">
                    {sig.signedAt ? (
                      <IconCircleCheckFilled size={22} color={ink.done} aria-hidden />
                    ) : (
                      <IconCircleDashed size={22} color={ink.soft} aria-hidden />
                    )}
                    <Text fz="clamp(14px, 0.95vw, 19px)" c={sig.signedAt ? ink.text : ink.soft}>
                      {s.roles[sig.role]}{' '}
                      {sig.signedAt ? (
                        <Text span inherit fw={700}>
                          {timeOf(sig.signedAt, timeZone)}
                        </Text>
                      ) : (
                        s.waiting
                      )}
                    </Text>
                  </Group>
                ))
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Box>
  );
}

/**
 * Scrolls a page that is taller than the screen slowly down, waits, and starts again at the
 * top, so every participant passes by on an unattended screen. A person scrolling or touching
 * the page takes over for half a minute.
 */
function useAutoScroll(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const speed = 28; // px per second: slow enough to read a card as it passes.
    const pauseMs = 6000;
    let frame = 0;
    let back: ReturnType<typeof setTimeout> | undefined;
    let last = performance.now();
    let pausedUntil = last + pauseMs;
    let position = window.scrollY;
    const takeOver = () => {
      pausedUntil = performance.now() + 30_000;
      position = window.scrollY;
    };
    const tick = (now: number) => {
      const room = document.documentElement.scrollHeight - window.innerHeight;
      if (room > 8 && now >= pausedUntil) {
        position = Math.min(room, position + (speed * (now - last)) / 1000);
        window.scrollTo(0, position);
        if (position >= room) {
          // At the bottom: wait, go back to the top, wait there too.
          pausedUntil = Number.POSITIVE_INFINITY;
          back = setTimeout(() => {
            position = 0;
            window.scrollTo(0, 0);
            pausedUntil = performance.now() + pauseMs;
          }, pauseMs);
        }
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
    for (const e of events) window.addEventListener(e, takeOver, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(back);
      for (const e of events) window.removeEventListener(e, takeOver);
    };
  }, [enabled]);
}
