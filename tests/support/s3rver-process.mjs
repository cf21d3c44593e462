// s3rver in a process of its own (tests/support/s3-server.ts starts it), so that the memory a test measures is the
// app's alone. Prints {"port": n} once listening; exits when its parent goes away.
import S3rver from "s3rver";

const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: process.argv[2] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on("disconnect", () => void server.close().finally(() => process.exit(0)));
