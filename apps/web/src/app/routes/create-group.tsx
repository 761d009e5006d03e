export default function Stub() { return <p>create-group</p>; }
