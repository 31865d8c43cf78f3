import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconFileTypePdf,
  IconId,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { parseDocumentCode } from '../../../shared/document-code.js';
import { ApiError, errorMessage } from '../../api/client.js';
import { BrandMark } from '../../components/brand-mark.js';
import { common } from '../../strings.js';
import {
  type DocumentVerification,
  limitsQuery,
  type UploadVerification,
  verifyCodeQuery,
  verifyFile,
} from './api.js';
import {
  AboutSignatures,
  DocumentFacts,
  FileSignatures,
  SignerList,
  SupersededNote,
  VerdictBanner,
} from './result-parts.js';
import { verifyStrings as t } from './strings.js';
import { documentVerdict, uploadVerdict } from './verdict.js';

/**
 * The public verification page (no sign-in, no app shell): opened from the QR code on every
 * page of a signed document (/verifikasi/<code>) or directly, to type a code or upload a PDF.
 * Phone first: one column, big answer on top, details below.
 */
export function VerifyPage() {
  const params = useParams({ strict: false }) as { code?: string };
  const code = params.code ?? null;
  const navigate = useNavigate();
  const [tab, setTab] = useState<'code' | 'file'>('code');
  const upload = useUpload();

  useEffect(() => {
    document.title = `${t.pageTitle} · ${common.appName}`;
  }, []);

  // Opening a code link always shows that code's answer.
  useEffect(() => {
    if (code) setTab('code');
  }, [code]);

  const chooseTab = (value: string | null) => {
    const next = value === 'file' ? 'file' : 'code';
    setTab(next);
    // An upload answers on its own page state: leave the code's address.
    if (next === 'file' && code) void navigate({ to: '/verifikasi' });
  };

  const search = (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Tabs value={tab} onChange={chooseTab} keepMounted>
        <Tabs.List grow>
          <Tabs.Tab value="code" leftSection={<IconId size={16} aria-hidden />}>
            {t.tabCode}
          </Tabs.Tab>
          <Tabs.Tab value="file" leftSection={<IconUpload size={16} aria-hidden />}>
            {t.tabFile}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="code" pt="md">
          <CodeForm current={code} />
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="md">
          <FileCheck upload={upload} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" className="brand-panel" py="sm" px="md">
        <Container size={760} px={0}>
          <Group gap="sm" wrap="nowrap">
            <BrandMark size={36} />
            <div>
              <Text fw={700} fz={18} c="white" lh={1.1}>
                {common.appName}
              </Text>
              <Text fz="xs" c="rgba(255,255,255,0.85)">
                {t.headerSubtitle}
              </Text>
            </div>
          </Group>
        </Container>
      </Box>
      <Container
        component="main"
        size={760}
        px={{ base: 'sm', sm: 'md' }}
        py={{ base: 'md', sm: 'xl' }}
      >
        {code ? (
          // Opened from a QR code: the answer first (a phone shows it without scrolling), the
          // search below it for the next document.
          <Stack gap="lg">
            <Title order={1} fz={{ base: 22, sm: 28 }}>
              {t.resultHeading}
            </Title>
            <CodeResult code={code} />
            <Stack gap="xs">
              <Title order={2} fz="lg">
                {t.another}
              </Title>
              {search}
            </Stack>
            <Text size="xs" c="dimmed" ta="center">
              {t.privacy}
            </Text>
          </Stack>
        ) : (
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} fz={{ base: 24, sm: 30 }}>
                {t.heading}
              </Title>
              <Text c="dimmed" size="sm">
                {t.lead}
              </Text>
            </Stack>
            {search}
            {tab === 'file' && <UploadOutcome upload={upload} />}
            <Text size="xs" c="dimmed" ta="center">
              {t.privacy}
            </Text>
          </Stack>
        )}
      </Container>
    </Box>
  );
}

/** A code as printed (XXXX-XXXX-XXXX) when it reads as one, else as typed. */
function printed(code: string): string {
  const parsed = parseDocumentCode(code);
  return parsed ? `${parsed.slice(0, 4)}-${parsed.slice(4, 8)}-${parsed.slice(8)}` : code;
}

function CodeForm({ current }: { current: string | null }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(current ? printed(current) : '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (current) setValue(printed(current));
  }, [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setError(t.codeRequired);
      return;
    }
    const parsed = parseDocumentCode(value);
    if (!parsed) {
      setError(t.codeInvalid);
      return;
    }
    setError(null);
    void navigate({ to: '/verifikasi/$code', params: { code: parsed } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t.codeLabel}
          placeholder={t.codePlaceholder}
          description={t.codeHint}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          size="md"
          maxLength={64}
          classNames={{ input: 'mono' }}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} size="md">
            {t.check}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ErrorState({ error }: { error: unknown }) {
  const unknown = error instanceof ApiError && error.status === 404;
  if (unknown) {
    return (
      <VerdictBanner
        verdict={{
          tone: 'unknown',
          title: t.verdicts.unknownCode.title,
          body: errorMessage(error),
          notes: [],
        }}
      />
    );
  }
  const limited = error instanceof ApiError && error.code === 'RATE_LIMITED';
  return (
    <Alert
      color="red"
      variant="light"
      title={t.errorTitle}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
    >
      <Text size="sm">{limited ? t.rateLimitedHint : errorMessage(error)}</Text>
    </Alert>
  );
}

function Checking({ label }: { label: string }) {
  return (
    <Group gap="sm" justify="center" py="lg" aria-busy="true" role="status">
      <Loader size="sm" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function CodeResult({ code }: { code: string }) {
  const query = useQuery(verifyCodeQuery(code));
  if (query.isPending) return <Checking label={t.checking} />;
  if (query.isError) return <ErrorState error={query.error} />;
  return <DocumentResult doc={query.data} />;
}

function DocumentResult({ doc }: { doc: DocumentVerification }) {
  return (
    <Stack gap="lg">
      <VerdictBanner verdict={documentVerdict(doc)}>
        <SupersededNote doc={doc} />
      </VerdictBanner>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="xl">
          <DocumentFacts doc={doc} heading={t.documentSection} />
          <SignerList doc={doc} />
          <AboutSignatures
            pemdaName={doc.pemdaName}
            certificates={doc.signers.map((s) => s.certificate)}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

function UploadResult({ result, fileName }: { result: UploadVerification; fileName: string }) {
  const doc = result.document;
  const timeZone = doc?.timeZone ?? 'Asia/Jakarta';
  return (
    <Stack gap="lg" aria-label={t.fileChecked(fileName)}>
      <VerdictBanner verdict={uploadVerdict(result)}>
        {doc && result.match === 'exact' && <SupersededNote doc={doc} />}
      </VerdictBanner>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="xl">
          <FileSignatures signatures={result.signatures} timeZone={timeZone} />
          {doc && (
            <DocumentFacts
              doc={doc}
              heading={result.match === 'exact' ? t.documentSection : t.registeredData}
            />
          )}
          {doc && <SignerList doc={doc} />}
          <AboutSignatures
            pemdaName={doc?.pemdaName ?? null}
            certificates={[
              ...result.signatures.map((s) => s.certificate),
              ...(doc?.signers.map((s) => s.certificate) ?? []),
            ]}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The state of one file check: which file, refused before sending, the request. */
function useUpload() {
  const [fileName, setFileName] = useState('');
  const [tooBig, setTooBig] = useState(false);
  const limits = useQuery(limitsQuery);
  const maxMb = limits.data?.maxUploadMb ?? 20;
  const check = useMutation({ mutationFn: verifyFile });
  const start = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    check.reset();
    // Checked here too: a browser may drop the server's early 413 when it stops the upload.
    if (file.size > maxMb * 1024 * 1024) {
      setTooBig(true);
      return;
    }
    setTooBig(false);
    check.mutate(file);
  };
  return { fileName, tooBig, maxMb, check, start };
}
type Upload = ReturnType<typeof useUpload>;

function UploadOutcome({ upload }: { upload: Upload }) {
  const { check, fileName, tooBig, maxMb } = upload;
  if (tooBig) {
    return (
      <ErrorState
        error={new ApiError(413, { code: 'PAYLOAD_TOO_LARGE', message: t.fileTooBig(maxMb) })}
      />
    );
  }
  if (check.isPending) return <Checking label={t.fileChecking(fileName)} />;
  if (check.isError) return <ErrorState error={check.error} />;
  if (check.data) return <UploadResult result={check.data} fileName={fileName} />;
  return null;
}

function FileCheck({ upload }: { upload: Upload }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    upload.start(event.dataTransfer.files[0]);
  };

  return (
    <Box
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      p={{ base: 'md', sm: 'xl' }}
      style={{
        border: `2px dashed var(--mantine-color-${dragging ? 'amanah-6' : 'gray-4'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: dragging ? 'var(--mantine-color-amanah-0)' : 'var(--mantine-color-white)',
        textAlign: 'center',
      }}
    >
      <Stack gap="xs" align="center">
        <IconFileTypePdf size={40} stroke={1.5} color="var(--mantine-color-red-7)" aria-hidden />
        <Text fw={600} visibleFrom="sm">
          {t.fileDrop}
        </Text>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t.fileOr}
        </Text>
        {/* The real file input, labelled, behind a big button: keyboard and phones use it. */}
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept="application/pdf,.pdf"
          aria-label={t.fileLabel}
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
          tabIndex={-1}
          onChange={(e) => {
            upload.start(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
        <Button
          size="md"
          leftSection={<IconUpload size={18} aria-hidden />}
          onClick={() => inputRef.current?.click()}
          loading={upload.check.isPending}
        >
          {t.filePick}
        </Button>
        <Text size="xs" c="dimmed">
          {t.fileHint(upload.maxMb)}
        </Text>
      </Stack>
    </Box>
  );
}
