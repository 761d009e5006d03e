export default function Stub() { return <p>groups</p>; }
