// Drives Red Hat's yaml-language-server (the engine of VS Code's YAML extension) over LSP stdio,
// the way the editor does: initialize, hand it the extension's settings when it asks for them, open
// documents, and read the diagnostics it publishes. Every wait is on a message from the server,
// never on a clock, so a loaded machine only makes the test slower.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  NotificationType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const require = createRequire(import.meta.url);
const serverBin = path.join(path.dirname(require.resolve('yaml-language-server/package.json')), 'bin/yaml-language-server');

/** What VS Code's YAML extension sends under "yaml", with the network turned off (no schema store). */
const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
  schemas: {},
};

// yaml-language-server's own notifications (its src/requestTypes.ts): the client opts in to schema
// selection, and the server then says when a new configuration has been applied.
const SupportSchemaSelection = new NotificationType<void>('yaml/supportSchemaSelection');
const SchemaStoreInitialized = new NotificationType<void>('yaml/schema/store/initialized');

export class YamlLanguageServer {
  private waiting = new Map<string, (d: Diagnostic[]) => void>();
  private opened = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const resolve = this.waiting.get(p.uri);
      if (resolve) {
        this.waiting.delete(p.uri);
        resolve(p.diagnostics);
      }
    });
  }

  static async start(workspace: string): Promise<YamlLanguageServer> {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'yaml' ? YAML_SETTINGS : item.section === 'http' ? { proxyStrictSSL: false } : {})),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
    const server = new YamlLanguageServer(child, connection);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: {},
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        },
      },
    });
    const configured = new Promise<void>((resolve) => connection.onNotification(SchemaStoreInitialized, () => resolve()));
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(SupportSchemaSelection);
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await configured;
    return server;
  }

  /** Opens `text` as the document at `file` (which need not exist) and returns what the server publishes for it. */
  async diagnostics(file: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    if (this.waiting.has(uri)) throw new Error(`${file} is already open`);
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, resolve));
    await this.open(uri, text);
    const diagnostics = await published;
    await this.close(uri);
    return diagnostics;
  }

  async hover(file: string, text: string, line: number, character: number): Promise<Hover | null> {
    return this.withDocument(file, text, (uri) =>
      this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }),
    );
  }

  async completion(file: string, text: string, line: number, character: number): Promise<CompletionItem[]> {
    const r = await this.withDocument(file, text, (uri) =>
      this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }),
    );
    return Array.isArray(r) ? r : ((r as CompletionList | null)?.items ?? []);
  }

  private async withDocument<T>(file: string, text: string, f: (uri: string) => Promise<T>): Promise<T> {
    const uri = pathToFileURL(file).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, resolve));
    await this.open(uri, text);
    try {
      return await f(uri);
    } finally {
      // Let its validation finish before closing, so nothing of it is left in flight.
      await published;
      await this.close(uri);
    }
  }

  private async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: ++this.opened, text },
    });
  }

  /** Closes a document and waits for the empty diagnostics the server publishes on close. */
  private async close(uri: string): Promise<void> {
    const cleared = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, resolve));
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await cleared;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    this.connection.dispose();
    await exited;
  }
}
